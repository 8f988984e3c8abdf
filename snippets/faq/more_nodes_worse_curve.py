"""More hidden nodes on 53 columns: val loss bottoms out earlier and the train/val gap widens."""

from dlnotes import make_binary_53, save_figure

import keras
import matplotlib.pyplot as plt
import numpy as np
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

# --8<-- [start:sweep]
x, y = make_binary_53()  # ko: 1,000행, 53개 컬럼 (정보가 있는 컬럼은 몇 개뿐) # en: 1,000 rows, 53 columns (only a few carry signal)
x_train, x_val, y_train, y_val = train_test_split(x, y, test_size=0.3, random_state=0, stratify=y)
scaler = StandardScaler().fit(x_train)  # ko: 스케일러는 학습 데이터로만 맞춤 # en: fit the scaler on the training data only
x_train, x_val = scaler.transform(x_train), scaler.transform(x_val)

histories = {}
for nodes in [8, 64, 512]:  # ko: 은닉층 하나, 노드 수만 바꿈 # en: one hidden layer, only the number of nodes changes
    keras.utils.set_random_seed(0)
    model = keras.Sequential([
        keras.Input(shape=(53,)),
        keras.layers.Dense(nodes, activation="relu"),
        keras.layers.Dense(1, activation="sigmoid"),
    ])
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.003), loss="binary_crossentropy")
    h = model.fit(x_train, y_train, epochs=25, batch_size=100,
                  validation_data=(x_val, y_val), verbose=0).history
    histories[nodes] = h
    best = int(np.argmin(h["val_loss"]))
    gap = h["val_loss"][-1] - h["loss"][-1]
    print(f"{nodes:3d} nodes ({model.count_params():>6,} params): lowest val_loss {h['val_loss'][best]:.3f} "
          f"(epoch {best + 1:2d}), last {h['val_loss'][-1]:.3f}, gap {gap:.3f}")
# --8<-- [end:sweep]
gaps = [histories[n]["val_loss"][-1] - histories[n]["loss"][-1] for n in [8, 64, 512]]
best_epochs = [int(np.argmin(histories[n]["val_loss"])) + 1 for n in [8, 64, 512]]
assert gaps[0] + 0.05 < gaps[1] and gaps[1] + 0.05 < gaps[2]  # claim: more-nodes-gap-widens
wide = histories[512]["val_loss"]
wide_train_loss = histories[512]["loss"][-1]
assert wide_train_loss < 0.05  # claim: more-nodes-512-train-near-zero
# ko: 최저점 뒤로 한 번도 크게 내려가지 않고 마지막에는 최저점보다 20% 넘게 높음
# en: after its minimum it never comes back down much, and ends more than 20% above it
assert wide[-1] > 1.2 * min(wide) and min(wide[best_epochs[2]:]) > 0.98 * min(wide)  # claim: more-nodes-512-climbs
finals = [histories[n]["val_loss"][-1] for n in [8, 64, 512]]
assert finals[1] + 0.02 < min(finals[0], finals[2])  # claim: more-nodes-middle-ends-lowest
assert best_epochs[0] >= 22 and histories[8]["val_loss"][-1] < histories[8]["val_loss"][-5]  # claim: more-nodes-8-still-falling
assert best_epochs[0] > best_epochs[1] > best_epochs[2] and best_epochs[2] <= best_epochs[0] - 8  # claim: more-nodes-earlier-minimum
mid = histories[64]["val_loss"]
assert mid[-1] - min(mid) < 0.05  # claim: more-nodes-64-flat
rise = [(h[-1] - min(h)) / (len(h) - np.argmin(h)) for h in (mid, wide)]  # ko: 최저점 뒤 에포크당 상승 폭 # en: rise per epoch after the minimum
assert rise[1] > 2 * rise[0]  # claim: more-nodes-512-rises-faster
best_epoch_8, best_epoch_64, best_epoch_512 = best_epochs

fig, ax = plt.subplots()
for nodes, color in zip([8, 64, 512], ["#2ca02c", "#1f77b4", "#d62728"]):
    h = histories[nodes]
    epochs = np.arange(1, len(h["loss"]) + 1)
    ax.plot(epochs, h["val_loss"], color=color, marker=".", label=f"val_loss, {nodes} nodes")
    ax.plot(epochs, h["loss"], color=color, linestyle=":", label=f"loss, {nodes} nodes")
ax.set_xlabel("epoch")
ax.set_ylabel("loss")
ax.set_title("One hidden layer on 53 columns")
ax.legend(fontsize=8, loc="upper right")
save_figure(
    fig,
    "loss-by-number-of-nodes",
    alt_ko="은닉 노드 8개, 64개, 512개 모델의 에포크별 학습 손실(점선)과 검증 손실(실선). 노드가 많을수록 학습 손실은 0에 가깝게 내려가지만 검증 손실은 더 일찍 최저점을 찍고 다시 올라가 두 곡선의 간격이 넓어짐",
    alt_en="loss (dotted) and val_loss (solid) per epoch for 8, 64 and 512 hidden nodes: the more nodes, the closer loss gets to zero, while val_loss bottoms out earlier and climbs again, so the gap widens",
)
