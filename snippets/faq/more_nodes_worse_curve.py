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
# ko: 마지막 에포크에서 `val_loss`와 `loss`의 간격(`val_loss` - `loss`)이 노드 8개보다 64개에서,
# ko: 64개보다 512개에서 각각 0.05 넘게 넓습니다.
# en: At the last epoch, the gap val_loss - loss is more than 0.05 wider with 64 nodes than with 8,
# en: and more than 0.05 wider with 512 nodes than with 64.
assert gaps[0] + 0.05 < gaps[1] and gaps[1] + 0.05 < gaps[2]  # claim: more-nodes-gap-widens
wide = histories[512]["val_loss"]
wide_train_loss = histories[512]["loss"][-1]
# ko: 노드 512개 모델의 마지막 에포크 `loss`가 0.05보다 낮습니다.
# en: With 512 nodes, the loss at the last epoch is below 0.05.
assert wide_train_loss < 0.05  # claim: more-nodes-512-train-near-zero
# ko: 노드 512개 모델의 마지막 에포크 val_loss가 가장 낮았던 val_loss보다 20% 넘게 높습니다.
# en: With 512 nodes, the val_loss at the last epoch is more than 20% above its lowest val_loss.
assert wide[-1] > 1.2 * min(wide)  # claim: more-nodes-512-climbs
finals = [histories[n]["val_loss"][-1] for n in [8, 64, 512]]
# ko: 마지막 에포크의 val_loss는 노드 64개 모델이 8개 모델보다도, 512개 모델보다도 0.02 넘게 낮습니다.
# en: At the last epoch, the 64-node model's val_loss is more than 0.02 below both the 8-node and the 512-node model's.
assert finals[1] + 0.02 < min(finals[0], finals[2])  # claim: more-nodes-middle-ends-lowest
# ko: 노드 8개 모델은 val_loss가 가장 낮은 에포크가 22에포크이거나 그보다 뒤이고,
# ko: 마지막 에포크의 val_loss가 끝에서 다섯 번째 에포크의 val_loss보다 낮습니다.
# en: With 8 nodes, val_loss is lowest at epoch 22 or later,
# en: and the last epoch's val_loss is lower than the fifth-to-last epoch's.
assert best_epochs[0] >= 22 and histories[8]["val_loss"][-1] < histories[8]["val_loss"][-5]  # claim: more-nodes-8-still-falling
# ko: val_loss가 가장 낮은 에포크가 노드 8개, 64개, 512개 순으로 점점 앞당겨지고,
# ko: 512개 모델의 최저점은 8개 모델보다 8에포크 이상 먼저 옵니다.
# en: The epoch with the lowest val_loss comes earlier with 64 nodes than with 8, and earlier still with 512;
# en: with 512 nodes it comes at least 8 epochs before the 8-node model's.
assert best_epochs[0] > best_epochs[1] > best_epochs[2] and best_epochs[2] <= best_epochs[0] - 8  # claim: more-nodes-earlier-minimum
mid = histories[64]["val_loss"]
# ko: 노드 64개 모델은 마지막 에포크의 val_loss와 가장 낮았던 val_loss의 차이가 0.05보다 작습니다.
# en: With 64 nodes, the val_loss at the last epoch is within 0.05 of its lowest val_loss.
assert mid[-1] - min(mid) < 0.05  # claim: more-nodes-64-flat
rise = [(h[-1] - min(h)) / (len(h) - np.argmin(h)) for h in (mid, wide)]  # ko: 최저점 뒤 에포크당 상승 폭 # en: rise per epoch after the minimum
# ko: 최저점 뒤로 val_loss가 에포크당 오른 폭(최저점부터 마지막 에포크까지 오른 양을 그 사이 에포크 수로 나눈 값,
# ko: 양 끝 에포크 포함)이 노드 512개 모델에서 64개 모델의 2배보다 큽니다.
# en: After its lowest point, val_loss rises per epoch (the rise up to the last epoch divided by the number of epochs
# en: from the lowest to the last, both counted) more than 2 times as fast with 512 nodes as with 64.
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
