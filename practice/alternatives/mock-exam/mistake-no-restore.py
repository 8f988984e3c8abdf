# ruff: noqa: F821
# EarlyStopping without restore_best_weights: the model keeps the weights of its last epoch.
# expect: ✗ Early stopping should restore the best weights.

# %% solution 8
early_stop = keras.callbacks.EarlyStopping(monitor="val_loss", patience=10)
history = model.fit(x_train_s, y_train, epochs=300, batch_size=32, validation_data=(x_valid_s, y_valid),
                    callbacks=[early_stop], verbose=0)
