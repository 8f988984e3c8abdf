# ruff: noqa: F821
# history keeps fit's dict instead of the History object: the checks show the AttributeError.
# expect: ✗ Train for 100 epochs with validation data.
# expect: ✗ history should record the validation MAE (give compile the mae metric).
# expect: ↳ AttributeError: 'dict' object has no attribute 'history'

# %% solution 2
history = model.fit(x_train, y_train, epochs=100, batch_size=32, validation_data=(x_valid, y_valid), verbose=0).history
