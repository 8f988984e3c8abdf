"""53 columns: a large network overfits (val loss bottoms out early); fewer nodes or early stopping fix it."""

from dlnotes import dl_history_plot, make_binary_53, save_figure

import keras
import matplotlib.pyplot as plt
import numpy as np
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

# --8<-- [start:data]
x, y = make_binary_53()  # ko: 1000행, 53컬럼; 신호가 있는 컬럼은 몇 개뿐 # en: 1000 rows, 53 columns; only a few columns carry signal
x_train, x_val, y_train, y_val = train_test_split(
    x, y, test_size=0.3, random_state=0, stratify=y
)
scaler = StandardScaler().fit(x_train)
x_train, x_val = scaler.transform(x_train), scaler.transform(x_val)
print(f"train {x_train.shape}, validation {x_val.shape}")
# --8<-- [end:data]


# --8<-- [start:compare]
def train(hidden_units, epochs=30, callbacks=None):
    keras.utils.set_random_seed(0)
    model = keras.Sequential(
        [keras.Input(shape=(53,))]
        + [keras.layers.Dense(n, activation="relu") for n in hidden_units]
        + [keras.layers.Dense(1, activation="sigmoid")]
    )
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.003),
                  loss="binary_crossentropy", metrics=["accuracy"])
    history = model.fit(x_train, y_train, epochs=epochs, batch_size=100,
                        validation_data=(x_val, y_val), callbacks=callbacks, verbose=0)
    return model, history


large_model, large = train([256, 256])
small_model, small = train([8])

for name, model, h in [("large", large_model, large.history), ("small", small_model, small.history)]:
    best = int(np.argmin(h["val_loss"]))
    gap = h["val_loss"][-1] - h["loss"][-1]
    print(f"{name}: {model.count_params():>6,} params | lowest val_loss {h['val_loss'][best]:.3f} "
          f"at epoch {best + 1:2d} | last val_loss {h['val_loss'][-1]:.3f} | train/val gap {gap:.3f}")
# --8<-- [end:compare]
lh, sh = large.history, small.history
large_best = int(np.argmin(lh["val_loss"]))
large_gap = lh["val_loss"][-1] - lh["loss"][-1]
small_gap = sh["val_loss"][-1] - sh["loss"][-1]
large_best_epoch = large_best + 1
large_last_val_loss, large_last_loss = lh["val_loss"][-1], lh["loss"][-1]
rising_share = float(np.mean(np.diff(lh["val_loss"][large_best:]) > 0))
# ko: 큰 신경망의 val_loss는 10번째 에포크 안에 최저점을 찍습니다.
# en: The large network's val_loss reaches its lowest point within the first 10 epochs.
assert large_best_epoch <= 10  # claim: overfit53-large-bottoms-out-early
# ko: 큰 신경망의 마지막 val_loss는 최저점의 1.5배보다 큽니다.
# en: The large network's last val_loss is more than 1.5 times its lowest.
assert large_last_val_loss > 1.5 * lh["val_loss"][large_best]  # claim: overfit53-large-rises-a-lot
# ko: 큰 신경망은 최저점 뒤의 에포크 가운데 80% 이상에서 val_loss가 직전 에포크보다 올라갑니다.
# en: In at least 80% of the epochs after its lowest point, the large network's val_loss is higher than the epoch
# en: before.
assert rising_share >= 0.8  # claim: overfit53-rises-in-most-epochs
# ko: 큰 신경망의 마지막 학습 손실(`loss`)이 0.02보다 작습니다.
# en: The large network's last training loss is below 0.02.
assert large_last_loss < 0.02  # claim: overfit53-large-memorizes
# ko: 마지막 에포크에서 큰 신경망의 간격(`val_loss` − `loss`)은 작은 신경망 간격의 2배에 0.2를 더한 값보다
# ko: 큽니다.
# en: At the last epoch, the large network's gap (val_loss − loss) is more than twice the small network's gap plus 0.2.
assert large_gap > 2 * small_gap + 0.2  # claim: overfit53-large-gap-wider
# ko: 작은 신경망의 마지막 val_loss가 큰 신경망의 마지막 val_loss보다 30% 넘게 낮습니다.
# en: The small network's last val_loss is more than 30% below the large network's.
assert sh["val_loss"][-1] < 0.7 * large_last_val_loss  # claim: overfit53-small-ends-far-lower
# ko: 작은 신경망의 마지막 val_loss는 자기 최저점의 1.1배보다 작습니다.
# en: The small network's last val_loss is below 1.1 times its own lowest.
assert sh["val_loss"][-1] < 1.1 * min(sh["val_loss"])  # claim: overfit53-small-near-its-minimum

# --8<-- [start:early_stopping]
stop = keras.callbacks.EarlyStopping(monitor="val_loss", patience=5, restore_best_weights=True)
stopped_model, stopped = train([256, 256], callbacks=[stop])
val_loss, val_accuracy = stopped_model.evaluate(x_val, y_val, verbose=0)
epochs_run, best_epoch = len(stopped.history["loss"]), stop.best_epoch + 1
print(f"EarlyStopping: epochs run {epochs_run} / 30, weights kept from epoch {best_epoch}")
print(f"val_loss {val_loss:.3f} (30 epochs, no stopping: {lh['val_loss'][-1]:.3f}), "
      f"val_accuracy {val_accuracy:.3f}")
# --8<-- [end:early_stopping]
# ko: EarlyStopping을 쓴 학습은 20에포크보다 적게 돌고 멈춥니다.
# en: With EarlyStopping, training stops after fewer than 20 epochs.
assert epochs_run < 20  # claim: overfit53-early-stopping-stops-early
# ko: 멈춘 모델을 evaluate로 잰 val_loss가 학습 중 가장 낮았던 val_loss와 같습니다(차이 1e-3
# ko: 미만).
# en: The stopped model's val_loss from evaluate equals the lowest val_loss of its training (difference below 1e-3).
assert abs(val_loss - min(stopped.history["val_loss"])) < 1e-3  # claim: overfit53-best-weights-restored
# ko: EarlyStopping으로 멈춘 모델의 val_loss가 끝까지 학습한 큰 신경망의 마지막 val_loss보다
# ko: 30% 넘게 낮습니다.
# en: The early-stopped model's val_loss is more than 30% below the last val_loss of the large network trained to the
# en: end.
assert val_loss < 0.7 * large_last_val_loss  # claim: overfit53-early-stopping-beats-30-epochs

fig, (ax_large, ax_small) = plt.subplots(1, 2, figsize=(9.6, 3.6), sharey=True)
dl_history_plot(large, ax=ax_large, title="large: Dense(256) + Dense(256)")
ax_large.axvline(large_best + 1, color="gray", linestyle="--", linewidth=1)
ax_large.annotate("lowest val_loss", (large_best + 1, lh["val_loss"][large_best]),
                  xytext=(8, -22), textcoords="offset points", fontsize=9, color="gray")
dl_history_plot(small, ax=ax_small, title="small: Dense(8)")
save_figure(
    fig,
    "overfitting-large-vs-small",
    alt_ko="53개 컬럼 데이터의 학습 곡선 비교. 왼쪽 큰 신경망은 손실이 0까지 떨어지는 동안 val_loss가 몇 에포크 만에 최저점을 찍고 계속 올라가 간격이 크게 벌어짐. 오른쪽 작은 신경망은 두 곡선이 함께 내려가며 간격이 작음",
    alt_en="Learning curves on the 53-column data. Left, the large network: train loss drops to zero while val_loss reaches its lowest point within a few epochs and then keeps rising, leaving a wide gap. Right, the small network: both curves fall together with a small gap",
)
