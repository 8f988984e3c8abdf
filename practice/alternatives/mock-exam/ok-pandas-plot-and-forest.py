# ruff: noqa: F821
# pandas draws the histogram and a dashed line marks 8; a random forest is the baseline, scored with accuracy_score.
# expect: pass

# %% solution 2
fig, ax = plt.subplots()
raw["Sales"].plot.hist(bins=30, ax=ax)
ax.axvline(x=8, linestyle="--")

# %% solution 10
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import accuracy_score

baseline = RandomForestClassifier(random_state=0).fit(x_train_s, y_train)
baseline_accuracy = accuracy_score(y_valid, baseline.predict(x_valid_s))
