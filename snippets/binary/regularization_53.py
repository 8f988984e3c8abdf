# snippet: timeout=300
"""53 columns: Dropout and L2 narrow the train/val gap of a large network; val accuracy hardly changes."""

from dlnotes import dl_history_plot, make_binary_53, save_figure

import keras
import matplotlib.pyplot as plt
import numpy as np
from sklearn.preprocessing import StandardScaler

# --8<-- [start:data]
x, y = make_binary_53()  # ko: 1000행, 53컬럼, 행 순서는 이미 섞여 있음 # en: 1000 rows, 53 columns, rows already shuffled
scaler = StandardScaler().fit(x[:700])  # ko: validation_split=0.3이 떼어 둘 마지막 300행은 빼고 # en: without the last 300 rows, which validation_split=0.3 keeps apart
x = scaler.transform(x)
# --8<-- [end:data]


# --8<-- [start:models]
def large_network(dropout=0.0, l2=0.0):
    keras.utils.set_random_seed(0)
    penalty = keras.regularizers.l2(l2)  # ko: 손실에 l2 × (가중치 제곱의 합)을 더함 # en: adds l2 × (sum of squared weights) to the loss
    model = keras.Sequential([
        keras.Input(shape=(53,)),
        keras.layers.Dense(128, activation="relu", kernel_regularizer=penalty),
        keras.layers.Dropout(dropout),  # ko: 학습 중에만 노드를 무작위로 끔 # en: switches nodes off at random, in training only
        keras.layers.Dense(128, activation="relu", kernel_regularizer=penalty),
        keras.layers.Dropout(dropout),
        keras.layers.Dense(1, activation="sigmoid"),
    ])
    model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
    return model


models = {
    "plain": large_network(),
    "Dropout(0.3)": large_network(dropout=0.3),
    "l2(0.01)": large_network(l2=0.01),
}
histories = {}
for name, model in models.items():
    history = model.fit(x, y, validation_split=0.3, epochs=40, batch_size=32, verbose=0)
    histories[name] = history.history
    h = history.history
    print(f"{name:>12}: last loss {h['loss'][-1]:.3f} | last val_loss {h['val_loss'][-1]:.3f} "
          f"| gap {h['val_loss'][-1] - h['loss'][-1]:.3f} | last val_accuracy {h['val_accuracy'][-1]:.3f}")
# --8<-- [end:models]
x_val, y_val = x[700:], y[700:]
plain, dropped, l2ed = histories["plain"], histories["Dropout(0.3)"], histories["l2(0.01)"]
gaps = {name: h["val_loss"][-1] - h["loss"][-1] for name, h in histories.items()}
accuracy = {name: h["val_accuracy"][-1] for name, h in histories.items()}
gap_plain, gap_dropout, gap_l2 = gaps["plain"], gaps["Dropout(0.3)"], gaps["l2(0.01)"]
acc_plain, acc_dropout, acc_l2 = accuracy["plain"], accuracy["Dropout(0.3)"], accuracy["l2(0.01)"]
plain_best = int(np.argmin(plain["val_loss"]))
plain_best_epoch = plain_best + 1
plain_rising = int(np.sum(np.diff(plain["val_loss"][plain_best:]) > 0))
plain_later = len(plain["val_loss"]) - 1 - plain_best
# ko: 규제 없는 모델을 x_val(데이터의 마지막 행들)로 직접 평가한 손실이 학습 기록의 마지막 val_loss와
# ko: 같습니다(차이 1e-3 미만).
# en: Evaluating the plain model on x_val (the last rows of the data) gives the last val_loss of its history (difference
# en: below 1e-3).
assert abs(models["plain"].evaluate(x_val, y_val, verbose=0)[0] - plain["val_loss"][-1]) < 1e-3  # claim: reg53-validation-split-last-rows
# ko: 규제 없는 모델의 val_loss는 10번째 에포크 안에 최저점을 찍고, 그 뒤 에포크의 80% 이상에서 직전
# ko: 에포크보다 올라갑니다.
# en: The plain model's val_loss reaches its lowest within the first 10 epochs, and after that it is higher than the
# en: epoch before in at least 80% of the epochs.
assert plain_best_epoch <= 10 and plain_rising >= 0.8 * plain_later  # claim: reg53-plain-val-loss-rises
# ko: 규제 없는 모델의 마지막 val_loss는 최저점의 1.5배보다 큽니다.
# en: The plain model's last val_loss is more than 1.5 times its lowest.
assert plain["val_loss"][-1] > 1.5 * min(plain["val_loss"])  # claim: reg53-plain-ends-far-above-minimum
# ko: 마지막 에포크에서 드롭아웃 모델의 간격(`val_loss` − `loss`)은 규제 없는 모델 간격의 3/4보다 작습니다.
# en: At the last epoch, the dropout model's gap (val_loss − loss) is below 3/4 of the plain model's.
assert gaps["Dropout(0.3)"] < 0.75 * gaps["plain"]  # claim: reg53-dropout-narrows-gap
# ko: 마지막 에포크에서 L2 모델의 간격(`val_loss` − `loss`)은 규제 없는 모델 간격의 3/4보다 작습니다.
# en: At the last epoch, the L2 model's gap (val_loss − loss) is below 3/4 of the plain model's.
assert gaps["l2(0.01)"] < 0.75 * gaps["plain"]  # claim: reg53-l2-narrows-gap

# --8<-- [start:bce]
bce = keras.losses.BinaryCrossentropy()
val_bce = {name: float(bce(y_val, model.predict(x_val, verbose=0))) for name, model in models.items()}
l2_val_loss = models["l2(0.01)"].evaluate(x_val, y_val, verbose=0)[0]
for name in models:
    print(f"{name:>12}: validation BCE {val_bce[name]:.3f}")
print(f"l2(0.01) val_loss with its penalty: {l2_val_loss:.3f}")
# --8<-- [end:bce]
bce_plain, bce_dropout, bce_l2 = val_bce["plain"], val_bce["Dropout(0.3)"], val_bce["l2(0.01)"]
# ko: 규제 없는 모델은 predict로 직접 계산한 검증 BCE와 마지막 val_loss의 차이가 0.02보다 작습니다.
# en: For the plain model, the validation BCE computed from predict differs from its last val_loss by less than 0.02.
assert abs(val_bce["plain"] - plain["val_loss"][-1]) < 0.02  # claim: reg53-bce-matches-plain-val-loss
# ko: 드롭아웃 모델의 검증 BCE가 규제 없는 모델보다 20% 넘게 낮습니다.
# en: The dropout model's validation BCE is more than 20% below the plain model's.
assert val_bce["Dropout(0.3)"] < 0.8 * val_bce["plain"]  # claim: reg53-dropout-lower-val-bce
# ko: L2 모델의 검증 BCE가 규제 없는 모델보다 20% 넘게 낮습니다.
# en: The L2 model's validation BCE is more than 20% below the plain model's.
assert val_bce["l2(0.01)"] < 0.8 * val_bce["plain"]  # claim: reg53-l2-lower-val-bce
# ko: L2 모델을 evaluate로 잰 val_loss(벌점 포함)가 같은 모델의 검증 BCE보다 0.05 넘게 큽니다.
# en: The L2 model's val_loss from evaluate (penalty included) is more than 0.05 above its validation BCE.
assert l2_val_loss > val_bce["l2(0.01)"] + 0.05  # claim: reg53-l2-loss-includes-penalty
# ko: 세 모델의 마지막 val_accuracy는 가장 높은 값과 가장 낮은 값의 차이가 0.03보다 작습니다.
# en: The highest and the lowest of the three models' last val_accuracy values are less than 0.03 apart.
assert max(accuracy.values()) - min(accuracy.values()) < 0.03  # claim: reg53-accuracy-hardly-changes

# --8<-- [start:dropout_off]
dropout_model = models["Dropout(0.3)"]
first = dropout_model.predict(x_val, verbose=0)
again = dropout_model.predict(x_val, verbose=0)
training_mode = dropout_model(x_val, training=True).numpy()  # ko: 학습 때처럼 드롭아웃을 켠 계산 # en: computed with dropout on, as in training
print(f"predict twice, same output: {np.allclose(first, again)}")
print(f"training=True, same output: {np.allclose(first, training_mode)}")
# --8<-- [end:dropout_off]
# ko: 드롭아웃 모델로 predict를 두 번 하면 결과가 같고, training=True로 계산하면 결과가 달라집니다.
# en: Two predict calls on the dropout model give the same output; a call with training=True gives a different one.
assert np.allclose(first, again) and not np.allclose(first, training_mode)  # claim: reg53-dropout-only-in-training

fig, axes = plt.subplots(1, 3, figsize=(11.4, 3.6), sharey=True)
for ax, (name, h) in zip(axes, histories.items()):
    dl_history_plot(h, ax=ax, title=name)
save_figure(
    fig,
    "regularization-plain-dropout-l2",
    alt_ko="53개 컬럼 데이터에서 같은 큰 신경망의 학습 곡선 세 개. 왼쪽 규제 없음: 손실은 0으로 떨어지고 val_loss는 몇 에포크 만에 최저점을 찍은 뒤 계속 올라가 간격이 크게 벌어짐. 가운데 Dropout(0.3)과 오른쪽 l2(0.01): 두 곡선의 간격이 훨씬 작음",
    alt_en="Three learning curves of the same large network on the 53-column data. Left, no regularization: train loss falls to zero while val_loss bottoms out within a few epochs and keeps rising, leaving a wide gap. Middle, Dropout(0.3), and right, l2(0.01): the gap between the two curves is much smaller",
)
