"""EarlyStopping without restore_best_weights keeps the last epoch's weights, not the best ones."""

from dlnotes import make_binary_53

import keras
import numpy as np
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

# --8<-- [start:data]
x, y = make_binary_53(n=400)
x_train, x_val, y_train, y_val = train_test_split(x, y, test_size=0.3, random_state=0, stratify=y)
scaler = StandardScaler().fit(x_train)
x_train, x_val = scaler.transform(x_train), scaler.transform(x_val)
# --8<-- [end:data]


def train(restore, patience=5, epochs=100):
    keras.utils.set_random_seed(0)
    model = keras.Sequential([
        keras.Input(shape=(x.shape[1],)),
        keras.layers.Dense(64, activation="relu"),
        keras.layers.Dense(64, activation="relu"),
        keras.layers.Dense(1, activation="sigmoid"),
    ])
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.003), loss="binary_crossentropy")
    stop = keras.callbacks.EarlyStopping(monitor="val_loss", patience=patience, restore_best_weights=restore)
    history = model.fit(x_train, y_train, validation_data=(x_val, y_val), epochs=epochs, batch_size=32,
                        callbacks=[stop], verbose=0)
    val_losses = history.history["val_loss"]
    train.last = (stop.stopped_epoch, val_losses[-1])  # ko: 멈춘 에포크(0이면 끝까지), 마지막 val_loss # en: the epoch it stopped at (0: ran to the end), the last val_loss
    return len(val_losses), min(val_losses), model.evaluate(x_val, y_val, verbose=0)


# --8<-- [start:wrong]
epochs_run, best_val_loss, final_val_loss = train(restore=False)
print(f"stopped after {epochs_run} epochs; best val_loss {best_val_loss:.3f}; "
      f"model keeps val_loss {final_val_loss:.3f}")
# --8<-- [end:wrong]
# ko: EarlyStopping이 100에포크가 되기 전에 학습을 멈췄고, 학습이 끝난
# ko: 모델의 val_loss는 가장 좋았던 val_loss보다 0.01 넘게 높습니다.
# en: EarlyStopping stopped training before 100 epochs, and the trained
# en: model's val_loss is more than 0.01 above the best val_loss.
assert epochs_run < 100 and final_val_loss > best_val_loss + 0.01  # claim: mistakes-early-stopping-keeps-last

# --8<-- [start:fix]
epochs_run_r, best_val_loss_r, final_val_loss_r = train(restore=True)
print(f"restore_best_weights=True: best val_loss {best_val_loss_r:.3f}; "
      f"model keeps val_loss {final_val_loss_r:.3f}")
# --8<-- [end:fix]
# ko: 이번에도 100에포크 전에 멈췄고, 모델의 val_loss가 가장 좋았던 val_loss와 같습니다(차이 0.0001 이내).
# en: It again stopped before 100 epochs, and the model's val_loss equals the best val_loss (to within 0.0001).
assert epochs_run_r < 100 and np.isclose(final_val_loss_r, best_val_loss_r, atol=1e-4)  # claim: mistakes-restore-best-weights

# --8<-- [start:no_stop]
default_monitor = keras.callbacks.EarlyStopping().monitor  # ko: monitor를 주지 않으면 # en: when monitor is not given
print(f"default monitor: {default_monitor}")
epochs_short = epochs_run_r  # ko: 위와 같은 에포크 수, patience는 그보다 길게: 일찍 멈추지 않음 # en: the same epochs as above, a longer patience: no early stop
_, best_val_loss_n, final_val_loss_n = train(restore=True, patience=epochs_short, epochs=epochs_short)
stopped_epoch_n, last_val_loss_n = train.last
print(f"{epochs_short} epochs, no early stop: last val_loss {last_val_loss_n:.3f}; best val_loss {best_val_loss_n:.3f}; "
      f"model keeps val_loss {final_val_loss_n:.3f}")
# --8<-- [end:no_stop]
# ko: monitor를 주지 않고 만든 EarlyStopping()은 val_loss를 지켜봅니다.
# en: An EarlyStopping() made without a monitor watches val_loss.
assert default_monitor == "val_loss"  # claim: early-stopping-default-monitor
# ko: EarlyStopping이 일찍 멈추지 않고 끝까지 학습했습니다. 마지막 에포크의 val_loss는 가장 좋았던
# ko: val_loss보다 0.01 넘게 높지만, 모델의 val_loss는 가장 좋았던 값과 같습니다(차이 0.0001 이내).
# en: EarlyStopping did not stop early: training ran to the end. The last epoch's val_loss is more
# en: than 0.01 above the best, yet the model's val_loss equals the best one (to within 0.0001).
assert stopped_epoch_n == 0 and last_val_loss_n > best_val_loss_n + 0.01 \
    and np.isclose(final_val_loss_n, best_val_loss_n, atol=1e-4)  # claim: early-stopping-restores-without-stopping
