# %% [markdown] tags=["ko"]
# # 모의 실습: 매장 판매량 예측 (이진 분류)
#
# AICE Associate 시험처럼 표 형식 데이터 하나를 불러와 학습된 모델을 평가하기까지 순서대로 풉니다.
# 카시트 매장 400곳의 표에서 **판매량이 많은 매장(`Sales`가 8천 개 초과)** 을 알아맞히는 모델을 만듭니다.
#
# | 단계 | 내용 | 권장 시간 |
# | --- | --- | --- |
# | 1 | 데이터 불러오기와 타깃 만들기 | 5분 |
# | 2 | 그래프로 데이터 살펴보기 | 5분 |
# | 3 | 결측치 처리 | 5분 |
# | 4 | 범주형 컬럼 원-핫 인코딩 | 5분 |
# | 5 | 학습 데이터와 검증 데이터 나누기 | 5분 |
# | 6 | 표준화 | 5분 |
# | 7 | 모델 만들기 | 10분 |
# | 8 | 조기 종료로 학습하기 | 10분 |
# | 9 | 임곗값으로 평가하기 | 10분 |
# | 10 | 머신러닝 기준 모델과 비교하기 | 5분 |
#
# 모두 65분입니다. 단계마다 `# TODO` 셀을 채우고 바로 아래 **확인** 셀을 실행하세요.

# %% [markdown] tags=["en"]
# # Mock exam: predicting store sales (binary classification)
#
# As in the AICE Associate exam: one tabular data set, from loading it to an evaluated, trained model, step by step.
# From a table of 400 car-seat stores, build a model that finds **the high-selling stores (`Sales` above 8 thousand)**.
#
# | Step | What | Suggested time |
# | --- | --- | --- |
# | 1 | Load the data and make the target | 5 min |
# | 2 | Look at the data in a plot | 5 min |
# | 3 | Missing values | 5 min |
# | 4 | One-hot encode the categorical column | 5 min |
# | 5 | Split into training and validation sets | 5 min |
# | 6 | Scale | 5 min |
# | 7 | Build the model | 10 min |
# | 8 | Train with early stopping | 10 min |
# | 9 | Evaluate with a threshold | 10 min |
# | 10 | Compare with a machine-learning baseline | 5 min |
#
# 65 minutes in all. In each step, fill in the `# TODO` cell, then run the **check** cell right below it.

# %%
import os

os.environ["TF_CPP_MIN_LOG_LEVEL"] = "3"  # ko: TensorFlow의 C++ 로그 메시지 숨기기 # en: hide TensorFlow's C++ log messages
os.environ["TF_ENABLE_ONEDNN_OPTS"] = "0"  # ko: 어느 컴퓨터에서나 같은 계산 결과 # en: same numerics on every machine

from dlnotes import make_sales_data

import keras
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from dlnotes_check import check
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

keras.utils.set_random_seed(0)
raw = make_sales_data()  # ko: Sales는 천 개 단위 # en: Sales in thousands
rng = np.random.default_rng(0)
raw["ShelveLoc"] = np.where(raw.pop("ShelveGood") == 1, "Good", "Bad")  # ko: 진열 위치 # en: shelf location
raw.loc[rng.choice(len(raw), 20, replace=False), "Income"] = np.nan  # ko: 소득 20곳 누락 # en: 20 incomes missing

# %% [markdown] tags=["ko"]
# ## 1. 데이터 불러오기와 타깃 만들기 (5분)
#
# `raw`를 복사해 `df`로 만들고, `Sales`가 8보다 크면 1, 아니면 0인 정수 컬럼 `High`를 추가한 뒤 `Sales` 컬럼은 지우세요.

# %% [markdown] tags=["en"]
# ## 1. Load the data and make the target (5 min)
#
# Copy `raw` into `df`, add an integer column `High` that is 1 where `Sales` is above 8 and 0 elsewhere, then drop the `Sales` column.

# %% tags=["starter"]
# TODO
df = None

# %% tags=["solution"]
df = raw.copy()
df["High"] = (df["Sales"] > 8).astype(int)
df = df.drop(columns="Sales")
print(df["High"].value_counts())

# %%
check(
    (lambda: isinstance(df, pd.DataFrame) and df is not raw and "High" not in raw.columns,
     "df는 raw를 복사한 DataFrame이어야 합니다(raw는 바꾸지 말고 raw.copy()로 복사해서 쓰세요).",
     "df should be a copy of raw (leave raw unchanged: work on raw.copy())."),
    (lambda: "Sales" not in df.columns and "High" in df.columns,
     "df에 High 컬럼이 있고 Sales 컬럼은 없어야 합니다.", "df should have a High column and no Sales column."),
    (lambda: np.array_equal(df["High"].to_numpy(), (raw["Sales"] > 8).to_numpy()),
     "High는 Sales가 8보다 큰 행에서 1, 나머지에서 0이어야 합니다.",
     "High should be 1 where Sales is above 8, and 0 elsewhere."),
    (lambda: df["High"].dtype.kind in "iu",
     "High는 정수 컬럼이어야 합니다(비교한 결과인 True/False에 .astype(int)를 붙이세요).",
     "High should be an integer column (add .astype(int) to the comparison's True/False)."),
)

# %% [markdown] tags=["ko"]
# ## 2. 그래프로 데이터 살펴보기 (5분)
#
# 모델을 만들기 전에 데이터를 그래프로 봅니다. `fig, ax = plt.subplots()`로 그래프를 만들고, `ax`에 `raw`의 `Sales` 히스토그램을 그린 다음 `ax.axvline`으로 8(천 개)에 세로선을 그으세요.
# 세로선 오른쪽에 있는 매장이 `High`가 1인 매장입니다.

# %% [markdown] tags=["en"]
# ## 2. Look at the data in a plot (5 min)
#
# Before building a model, look at the data. Make a plot with `fig, ax = plt.subplots()`, draw a histogram of `raw`'s `Sales` on `ax`, then a vertical line at 8 (thousand) with `ax.axvline`.
# The stores right of the line are those whose `High` is 1.

# %% tags=["starter"]
# TODO
ax = None

# %% tags=["solution"]
fig, ax = plt.subplots(figsize=(6, 3))
ax.hist(raw["Sales"], bins=20)
ax.axvline(8, color="red")
ax.set_xlabel("Sales")
print(f"High = 1: {df['High'].mean():.0%}")

# %%
check(
    (lambda: isinstance(ax, plt.Axes),
     "ax는 plt.subplots()가 돌려준 Axes여야 합니다.", "ax should be the Axes that plt.subplots() returned."),
    (lambda: round(sum(bar.get_height() for bar in ax.patches)) == len(raw)
     and min(bar.get_x() for bar in ax.patches) <= raw["Sales"].min()
     and max(bar.get_x() + bar.get_width() for bar in ax.patches) >= raw["Sales"].max(),
     "ax에 매장 400곳의 Sales 히스토그램이 있어야 합니다(막대 높이가 매장 수인 ax.hist(raw['Sales'])).",
     "ax should hold a histogram of the Sales of all 400 stores (ax.hist(raw['Sales']), bar heights as counts)."),
    (lambda: any(np.allclose(line.get_xdata(), 8) for line in ax.get_lines()),
     "Sales 8에 세로선이 있어야 합니다(ax.axvline(8)).", "There should be a vertical line at Sales 8 (ax.axvline(8))."),
)

# %% [markdown] tags=["ko"]
# ## 3. 결측치 처리 (5분)
#
# `df.isna().sum()`으로 결측치가 있는 컬럼을 찾고, 그 컬럼의 **중앙값**으로 채우세요.

# %% [markdown] tags=["en"]
# ## 3. Missing values (5 min)
#
# Find the column with missing values with `df.isna().sum()` and fill them with that column's **median**.

# %% tags=["starter"]
# TODO
print(df.isna().sum() if df is not None else "df is None")

# %% tags=["solution"]
print(df.isna().sum())
df["Income"] = df["Income"].fillna(df["Income"].median())

# %%
check(
    (lambda: len(df) == len(raw),
     "결측치가 있는 행을 지우지 말고 채워야 합니다(400행이 모두 남아 있어야 합니다).",
     "Fill the missing values instead of dropping their rows (all 400 rows should stay)."),
    (lambda: int(df.isna().sum().sum()) == 0,
     "df에 결측치가 없어야 합니다(pandas 3에서는 df['Income'].fillna(..., inplace=True)가 df를 바꾸지 않으니, "
     "채운 결과를 df['Income']에 다시 담으세요).",
     "df should have no missing values (under pandas 3, df['Income'].fillna(..., inplace=True) does not change df: "
     "assign the filled column back to df['Income'])."),
    (lambda: len(df) == len(raw) and np.allclose(df["Income"].to_numpy()[raw["Income"].isna().to_numpy()],
                                                 raw["Income"].median()),
     "결측치는 Income의 중앙값으로 채워야 합니다.", "Fill the missing values with the median of Income."),
)

# %% [markdown] tags=["ko"]
# ## 4. 범주형 컬럼 원-핫 인코딩 (5분)
#
# 글자로 된 컬럼 `ShelveLoc`을 `pd.get_dummies(..., dtype=int)`로 원-핫 인코딩하세요. 결과도 `df`에 담습니다.

# %% [markdown] tags=["en"]
# ## 4. One-hot encode the categorical column (5 min)
#
# One-hot encode the text column `ShelveLoc` with `pd.get_dummies(..., dtype=int)`, keeping the result in `df`.

# %% tags=["starter"]
# TODO

# %% tags=["solution"]
df = pd.get_dummies(df, columns=["ShelveLoc"], dtype=int)
print(df.columns.tolist())

# %%
check(
    (lambda: all(df[column].dtype.kind in "biuf" for column in df.columns),
     "모든 컬럼이 숫자여야 합니다(pd.get_dummies(..., dtype=int)의 결과를 df에 다시 담으세요).",
     "Every column should be numeric (assign the result of pd.get_dummies(..., dtype=int) back to df)."),
    (lambda: all(column in df.columns for column in raw.columns if column not in ("Sales", "ShelveLoc"))
     and "High" in df.columns,
     "ShelveLoc 말고 다른 컬럼은 그대로 남아 있어야 합니다.", "Every column but ShelveLoc should stay as it is."),
    (lambda: (lambda new: 1 <= len(new) <= 2 and all(
        any(np.array_equal(df[column].to_numpy().astype(int), (raw["ShelveLoc"] == value).to_numpy().astype(int))
            for value in raw["ShelveLoc"].unique()) for column in new))(
        [column for column in df.columns if column not in raw.columns and column != "High"]),
     "ShelveLoc의 값마다 0/1 컬럼이 있어야 합니다(drop_first=True로 하나를 빼도 됩니다).",
     "There should be a 0/1 column per value of ShelveLoc (drop_first=True may leave one out)."),
)

# %% [markdown] tags=["ko"]
# ## 5. 학습 데이터와 검증 데이터 나누기 (5분)
#
# 특성 `x`(High를 뺀 모든 컬럼)와 타깃 `y`(High)로 나눈 뒤, `train_test_split`으로 20%를 검증 데이터로 떼어 내세요(`random_state=0`, `stratify=y`).
# 결과는 `x_train`, `x_valid`, `y_train`, `y_valid`에 담습니다.

# %% [markdown] tags=["en"]
# ## 5. Split into training and validation sets (5 min)
#
# Separate the features `x` (every column but High) from the target `y` (High), then hold out 20% for validation with `train_test_split` (`random_state=0`, `stratify=y`).
# Keep the results in `x_train`, `x_valid`, `y_train`, `y_valid`.

# %% tags=["starter"]
# TODO
x_train = x_valid = y_train = y_valid = None

# %% tags=["solution"]
x = df.drop(columns="High")
y = df["High"]
x_train, x_valid, y_train, y_valid = train_test_split(x, y, test_size=0.2, random_state=0, stratify=y)
print(x_train.shape, x_valid.shape)

# %%
check(
    (lambda: len(x_valid) == 80 and len(x_train) == 320,
     "검증 데이터는 400행 가운데 20%여야 합니다.", "The validation set should be 20% of the 400 rows."),
    (lambda: np.shape(x_train)[1] == df.shape[1] - 1,
     "특성 x에는 High를 뺀 모든 컬럼이 있어야 합니다.", "The features x should have every column but High."),
    (lambda: not any(np.array_equal(np.asarray(x_train)[:, j].astype(float), np.ravel(y_train).astype(float))
                     for j in range(np.shape(x_train)[1])),
     "특성에 타깃 High가 들어가면 안 됩니다.", "The features should not contain the target High."),
    (lambda: set(np.unique(y_train)) <= {0, 1} and np.asarray(y_train).sum() + np.asarray(y_valid).sum() == df["High"].sum(),
     "타깃 y는 High 컬럼이어야 합니다.", "The target y should be the High column."),
    (lambda: abs(np.asarray(y_valid).sum() - len(y_valid) * df["High"].mean()) <= 0.5,
     "검증 데이터의 High 비율이 전체와 같아야 합니다(train_test_split에 stratify=y를 주세요).",
     "The validation set should keep the share of High (give train_test_split stratify=y)."),
)

# %% [markdown] tags=["ko"]
# ## 6. 표준화 (5분)
#
# `StandardScaler`를 학습 데이터로만 fit하고, 학습 데이터와 검증 데이터를 변환해 `x_train_s`, `x_valid_s`에 담으세요.

# %% [markdown] tags=["en"]
# ## 6. Scale (5 min)
#
# Fit a `StandardScaler` on the training rows only and transform both sets into `x_train_s` and `x_valid_s`.

# %% tags=["starter"]
# TODO
scaler = x_train_s = x_valid_s = None

# %% tags=["solution"]
scaler = StandardScaler().fit(x_train)
x_train_s, x_valid_s = scaler.transform(x_train), scaler.transform(x_valid)

# %%
check(
    (lambda: np.allclose(scaler.mean_, np.asarray(x_train, dtype=float).mean(axis=0)),
     "스케일러는 학습 데이터(x_train)로만 fit해야 합니다(전체 행이나 검증 데이터로 fit하지 마세요).",
     "Fit the scaler on the training rows (x_train) only, not on all rows nor on the validation rows."),
    (lambda: np.allclose(x_train_s, (np.asarray(x_train, dtype=float) - scaler.mean_) / scaler.scale_),
     "x_train_s는 x_train을 scaler로 변환한 값이어야 합니다.", "x_train_s should be x_train transformed by scaler."),
    (lambda: np.allclose(x_valid_s, (np.asarray(x_valid, dtype=float) - scaler.mean_) / scaler.scale_),
     "x_valid_s는 x_valid를 같은 scaler로 변환한 값이어야 합니다(검증 데이터로 다시 fit하지 마세요).",
     "x_valid_s should be x_valid transformed by the same scaler (do not fit it again on x_valid)."),
)

# %% [markdown] tags=["ko"]
# ## 7. 모델 만들기 (10분)
#
# `relu` 은닉층 두 개(노드 32개, 16개)와 이진 분류의 출력층을 가진 `model`을 만들고, `adam`과 알맞은 손실 함수, `accuracy` 지표로 `compile`하세요.

# %% [markdown] tags=["en"]
# ## 7. Build the model (10 min)
#
# Build a `model` with two hidden `relu` layers (32 and 16 nodes) and the output layer of a binary classifier; `compile` it with `adam`, the right loss and the `accuracy` metric.

# %% tags=["starter"]
# TODO
model = None

# %% tags=["solution"]
model = keras.Sequential([
    keras.Input(shape=(x_train_s.shape[1],)),
    keras.layers.Dense(32, activation="relu"),
    keras.layers.Dense(16, activation="relu"),
    keras.layers.Dense(1, activation="sigmoid"),
])
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
model.summary(print_fn=print)  # ko: 색 코드 없이 글자로 출력 # en: as plain text, without color codes

# %%
probe_true = np.array([[0.0], [1.0], [1.0], [0.0]])  # ko: 손실 함수에 넣어 볼 정답과 확률 # en: known labels and probabilities for the loss
probe_pred = np.array([[0.1], [0.8], [0.6], [0.3]])
probe_z = np.array([-2.0, 0.0, 3.0], dtype="float32")  # ko: 활성화 함수에 넣어 볼 값 # en: inputs to try the activations on
check(
    (lambda: not model.built or model.input_shape[-1] == np.shape(x_train_s)[1],
     "입력의 크기가 특성 수와 같아야 합니다.", "The input size should equal the number of features."),
    (lambda: [(layer.units, bool(np.allclose(layer.activation(probe_z), np.maximum(probe_z, 0))))
              for layer in model.layers if isinstance(layer, keras.layers.Dense)][:-1] == [(32, True), (16, True)],
     "은닉층은 relu를 쓰는 노드 32개, 16개짜리 Dense 층 두 개여야 합니다.",
     "There should be two hidden Dense layers with relu, of 32 and 16 nodes."),
    (lambda: model.layers[-1].units == 1 and np.allclose(model.layers[-1].activation(probe_z), 1 / (1 + np.exp(-probe_z))),
     "출력층은 노드 1개와 sigmoid여야 합니다.", "The output layer needs 1 node and a sigmoid."),
    (lambda: np.isclose(np.mean(keras.losses.get(model.loss)(probe_true, probe_pred)),
                        -np.mean(probe_true * np.log(probe_pred) + (1 - probe_true) * np.log(1 - probe_pred)), rtol=1e-4),
     "손실 함수는 이진 교차 엔트로피(binary_crossentropy)여야 합니다.",
     "The loss should be the binary cross-entropy (binary_crossentropy)."),
)

# %% [markdown] tags=["ko"]
# ## 8. 조기 종료로 학습하기 (10분)
#
# `val_loss`를 지켜보는 `EarlyStopping(patience=10)`으로 가장 좋았던 가중치를 되돌리도록 하고, `epochs=300`, `batch_size=32`, `validation_data=(x_valid_s, y_valid)`로 학습해 `history`에 담으세요.

# %% [markdown] tags=["en"]
# ## 8. Train with early stopping (10 min)
#
# Watch `val_loss` with `EarlyStopping(patience=10)` restoring the best weights, and train with `epochs=300`, `batch_size=32`, `validation_data=(x_valid_s, y_valid)`, keeping the result in `history`.

# %% tags=["starter"]
# TODO
history = None

# %% tags=["solution"]
early_stop = keras.callbacks.EarlyStopping(monitor="val_loss", patience=10, restore_best_weights=True)
history = model.fit(x_train_s, y_train, epochs=300, batch_size=32, validation_data=(x_valid_s, y_valid),
                    callbacks=[early_stop], verbose=0)
print(f"epochs: {len(history.history['loss'])}, lowest val_loss {min(history.history['val_loss']):.3f}")

# %%
check(
    (lambda: "val_loss" in history.history and len(history.history["loss"]) < 300,
     "조기 종료가 검증 손실을 보고 학습을 멈춰야 합니다.", "Early stopping should end the training by watching val_loss."),
    (lambda: abs(model.evaluate(x_valid_s, y_valid, verbose=0, return_dict=True)["loss"]
                 - min(history.history["val_loss"])) < 1e-4,
     "조기 종료가 가장 좋았던 가중치로 되돌려야 합니다.", "Early stopping should restore the best weights."),
)

# %% [markdown] tags=["ko"]
# ## 9. 임곗값으로 평가하기 (10분)
#
# 검증 데이터의 확률을 예측해 0.5 이상을 1로 바꾼 1차원 배열 `pred_labels`를 만들고, 정확도를 `accuracy`에 담으세요. 정확도는 0.75를 넘어야 합니다.

# %% [markdown] tags=["en"]
# ## 9. Evaluate with a threshold (10 min)
#
# Predict the validation probabilities, turn those of 0.5 or more into 1 in a one-dimensional array `pred_labels`, and keep the accuracy in `accuracy`. It should be above 0.75.

# %% tags=["starter"]
# TODO
pred_labels = accuracy = None

# %% tags=["solution"]
proba = model.predict(x_valid_s, verbose=0).ravel()
pred_labels = (proba >= 0.5).astype(int)
accuracy = (pred_labels == y_valid.to_numpy()).mean()
print(f"accuracy: {accuracy:.3f}")

# %%
check(
    (lambda: np.shape(pred_labels) == (len(y_valid),) and set(np.unique(pred_labels)) <= {0, 1},
     "pred_labels는 검증 데이터의 행마다 0 또는 1인 1차원 배열이어야 합니다.",
     "pred_labels should be one-dimensional, 0 or 1 for each validation row."),
    (lambda: np.isclose(accuracy, (np.ravel(pred_labels) == np.ravel(y_valid)).mean()),
     "accuracy는 pred_labels의 정확도여야 합니다.", "accuracy should be the accuracy of pred_labels."),
    (lambda: accuracy > 0.75, "검증 정확도가 0.75를 넘어야 합니다.", "The validation accuracy should be above 0.75."),
)

# %% [markdown] tags=["ko"]
# ## 10. 머신러닝 기준 모델과 비교하기 (5분)
#
# 딥러닝 모델이 정말 나은지 알려면 간단한 머신러닝 모델과 견줘 봐야 합니다. scikit-learn의 `LogisticRegression`을 같은 학습 데이터(`x_train_s`, `y_train`)로 학습해 `baseline`에 담고, 검증 데이터에서 잰 정확도를 `baseline_accuracy`에 담으세요.

# %% [markdown] tags=["en"]
# ## 10. Compare with a machine-learning baseline (5 min)
#
# A deep-learning model is only worth it if it beats a simple machine-learning one. Train scikit-learn's `LogisticRegression` on the same training rows (`x_train_s`, `y_train`) into `baseline`, and keep its accuracy on the validation rows in `baseline_accuracy`.

# %% tags=["starter"]
# TODO
baseline = baseline_accuracy = None

# %% tags=["solution"]
from sklearn.linear_model import LogisticRegression

baseline = LogisticRegression().fit(x_train_s, y_train)
baseline_accuracy = baseline.score(x_valid_s, y_valid)
print(f"LogisticRegression: {baseline_accuracy:.3f}, Keras: {accuracy:.3f}")

# %%
check(
    (lambda: hasattr(baseline, "predict") and getattr(baseline, "n_features_in_", None) == np.shape(x_train_s)[1],
     "baseline은 학습 데이터의 특성으로 fit한 scikit-learn 모델이어야 합니다.",
     "baseline should be a scikit-learn model fitted on the training features."),
    (lambda: np.isclose(baseline_accuracy, np.mean(baseline.predict(x_valid_s) == np.ravel(y_valid))),
     "baseline_accuracy는 baseline의 검증 데이터 정확도여야 합니다(학습 데이터로 잰 정확도가 아닙니다).",
     "baseline_accuracy should be baseline's accuracy on the validation rows (not on the training rows)."),
    (lambda: baseline_accuracy > 0.75, "기준 모델의 검증 정확도가 0.75를 넘어야 합니다.",
     "The baseline's validation accuracy should be above 0.75."),
)
