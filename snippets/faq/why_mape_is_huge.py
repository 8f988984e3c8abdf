"""MAPE divides by |y|: one target at or near 0 makes it explode."""

from dlnotes import save_figure

import matplotlib.pyplot as plt
import numpy as np
from sklearn.metrics import mean_absolute_error, mean_absolute_percentage_error

# --8<-- [start:blowup]
y_true = np.array([0.0, 10.0, 20.0])  # ko: 타깃 하나가 정확히 0 # en: one target is exactly 0
y_pred = np.array([1.0, 11.0, 19.0])  # ko: 모든 예측이 1씩 빗나감 # en: every prediction is off by 1

mae = mean_absolute_error(y_true, y_pred)
mape = mean_absolute_percentage_error(y_true, y_pred)
print(f"MAE  = {mae:.2f}")
print(f"MAPE = {mape:.3g}")  # ko: scikit-learn은 비율을 돌려줌: 0.12는 12% # en: scikit-learn returns a fraction: 0.12 means 12%
# --8<-- [end:blowup]
mape_at_zero = mape
# ko: 이 예에서 MAE는 정확히 1.0입니다.
# en: Here the MAE is exactly 1.0.
assert mae == 1.0  # claim: mape-mae-is-one
# ko: 타깃 하나가 0이면 MAPE가 1.45e15보다 크고 1.55e15보다 작습니다.
# en: With one target at 0, the MAPE is between 1.45e15 and 1.55e15.
assert 1.45e15 < mape_at_zero < 1.55e15  # claim: mape-about-1-5e15

# --8<-- [start:near_zero]
errors = np.array([1.0, 1.0, 1.0])  # ko: 절대 오차는 매번 같음 # en: the same absolute errors every time
for smallest in [10.0, 1.0, 0.1, 0.01]:
    y = np.array([smallest, 10.0, 20.0])
    mape = mean_absolute_percentage_error(y, y + errors)
    wape = np.abs(errors).sum() / np.abs(y).sum()  # ko: 오차의 합 / 실제값의 합: Σ|e| / Σ|y| # en: Σ|e| / Σ|y|
    print(f"smallest target {smallest:>5}: MAPE = {mape:8.2%}   WAPE = {wape:6.2%}")
# --8<-- [end:near_zero]
mape_at_10 = mean_absolute_percentage_error([10, 10, 20], [11, 11, 21])
mape_at_001 = mean_absolute_percentage_error([0.01, 10, 20], [1.01, 11, 21])
# ko: 절대 오차는 그대로인데, 가장 작은 타깃이 10이면 MAPE가 0.08과 0.09 사이(8~9%)이고, 0.01이면 30(3000%)보다 큽니다.
# en: With the same absolute errors, MAPE is between 0.08 and 0.09 (8–9 %) when the smallest target is 10, and above 30
# en: (3000 %) when it is 0.01.
assert 0.08 < mape_at_10 < 0.09 and mape_at_001 > 30  # claim: mape-8-to-3000-percent
wapes = [3 / (s + 30) for s in [10.0, 1.0, 0.1, 0.01]]
wape_min, wape_max = min(wapes), max(wapes)
# ko: 같은 경우들에서 WAPE는 모두 0.07보다 크고 0.1보다 작습니다.
# en: In the same cases, WAPE always stays above 0.07 and below 0.1.
assert 0.07 < wape_min and wape_max < 0.1  # claim: mape-wape-stays-near-10

# --8<-- [start:asymmetry]
actual = np.array([100.0])  # ko: 실제 판매량 100 # en: true sales of 100
for forecast in [0.0, 50.0, 150.0, 300.0, 1000.0]:
    print(f"forecast {forecast:6.0f}: MAPE = {mean_absolute_percentage_error(actual, [forecast]):.0%}")
# --8<-- [end:asymmetry]
under_worst = mean_absolute_percentage_error(actual, [0.0])
over_1000 = mean_absolute_percentage_error(actual, [1000.0])
# ko: 적게 예측하면 최대 100%(예측 0), 많이 예측하면 한없이 커짐
# en: an under-forecast costs at most 100% (forecast 0); an over-forecast has no upper limit
unders = [mean_absolute_percentage_error(actual, [f]) for f in np.linspace(0, 100, 101)]
# ko: 실제값 100보다 적게 예측하면 MAPE는 가장 커도 1.0(100%, 예측 0일 때)인데, 1000으로 많이 예측하면 9.0(900%)입니다.
# en: Under-forecasting the true value of 100 costs at most 1.0 (100 %, for a forecast of 0), but a forecast of 1000
# en: costs 9.0 (900 %).
assert max(unders) == under_worst == 1.0 and over_1000 == 9.0  # claim: mape-asymmetric

# --8<-- [start:negative]
forecast_negative = -50.0  # ko: 활성화 함수 없는 출력 노드는 음수도 냄 # en: an output node with no activation can go negative
mape_negative = mean_absolute_percentage_error(actual, [forecast_negative])
print(f"forecast {forecast_negative:6.0f}: MAPE = {mape_negative:.0%}")
# --8<-- [end:negative]
# ko: 실제값 100을 -50으로 예측하면 MAPE가 1.0(100%)을 넘는 1.5입니다.
# en: Forecasting -50 for a true value of 100 gives a MAPE of 1.5: above 1.0 (100 %).
assert mape_negative > 1.0 and np.isclose(mape_negative, 1.5)  # claim: mape-negative-forecast-over-100

smallest = np.logspace(-2, 1, 50)
mapes = [mean_absolute_percentage_error([s, 10.0, 20.0], [s + 1, 11.0, 21.0]) for s in smallest]
fig, ax = plt.subplots()
ax.loglog(smallest, np.array(mapes) * 100)
ax.set_xlabel("smallest target |y|")
ax.set_ylabel("MAPE (%)")
ax.set_title("Same absolute errors, shrinking smallest target")
# ko: 가장 작은 타깃을 줄여 갈수록 MAPE가 매번 커집니다.
# en: As the smallest target shrinks, the MAPE grows every time.
assert all(a > b for a, b in zip(mapes, mapes[1:]))  # claim: mape-grows-as-target-shrinks
save_figure(
    fig,
    "mape-vs-smallest-target",
    alt_ko="가장 작은 타깃값이 0에 가까워질수록 MAPE가 급격히 커지는 로그-로그 그래프",
    alt_en="Log-log plot: MAPE rises steeply as the smallest target approaches 0",
)
