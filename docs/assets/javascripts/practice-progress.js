/* A student's progress on the practice pages, kept in this browser only (localStorage, where the quiz
   widget mkdocs-quiz keeps each page's answers under "quiz_progress_" + the page's path): nothing is
   sent anywhere, and the only pages fetched are this site's own practice pages.
   - On the practice index (#practice-progress before the table of pages): each page's score, right /
     questions, and a button that forgets that page's answers.
   - On "Review my mistakes" (#practice-review): every question answered wrong on any practice page of
     this language, with a link to it. */
(function () {
  "use strict";
  var PREFIX = "quiz_progress_";
  var ko = (document.documentElement.lang || "").indexOf("ko") === 0;
  var TEXT = ko ? {
    score: function (right, total, answered) { return "맞힌 문제 " + right + " / " + total + " (답한 문제 " + answered + ")"; },
    none: "아직 푼 문제가 없습니다",
    reset: "기록 지우기",
    resetLabel: function (title) { return title + "의 답 기록 지우기"; },
    confirm: "이 페이지에서 고른 답을 모두 지울까요?",
    empty: "틀린 채로 남은 문제가 없습니다. 연습 문제를 풀면 틀린 문제가 여기에 모입니다.",
    count: function (n) { return "틀린 문제 " + n + "개"; },
    retry: "다시 풀기",
    failed: "연습 문제 페이지를 불러오지 못했습니다."
  } : {
    score: function (right, total, answered) { return right + " / " + total + " right (" + answered + " answered)"; },
    none: "Not started yet",
    reset: "Reset",
    resetLabel: function (title) { return "Reset the answers of " + title; },
    confirm: "Forget every answer you chose on this page?",
    empty: "No question is left answered wrong. Questions you get wrong on the practice pages gather here.",
    count: function (n) { return n === 1 ? "1 question answered wrong" : n + " questions answered wrong"; },
    retry: "Try again",
    failed: "A practice page could not be loaded."
  };

  function stored(path) {
    try {
      var data = JSON.parse(localStorage.getItem(PREFIX + path) || "{}");
      return data && typeof data === "object" && !Array.isArray(data) ? data : {};
    } catch (e) {
      return {};
    }
  }

  function fetchPage(url) {
    return fetch(url, { credentials: "same-origin" }).then(function (response) {
      if (!response.ok) throw new Error(url + ": " + response.status);
      return response.text();
    }).then(function (text) {
      return new DOMParser().parseFromString(text, "text/html");
    });
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /* The practice index: a score and a reset button beside each practice page of the table. */
  function scores(marker) {
    var table = marker.nextElementSibling;
    while (table && table.tagName !== "TABLE") table = table.nextElementSibling;
    if (!table) return;
    table.querySelectorAll("tbody tr").forEach(function (row) {
      var link = row.querySelector("td:last-child a[href]");
      if (!link) return;
      var url = new URL(link.getAttribute("href"), window.location.href);
      if (url.origin !== window.location.origin) return;
      var cell = link.closest("td");
      var box = element("div", "practice-score");
      var text = element("span", "practice-score-text", TEXT.none);
      var button = element("button", "md-button practice-reset", TEXT.reset);
      button.type = "button";
      button.setAttribute("aria-label", TEXT.resetLabel(link.textContent.trim()));
      box.appendChild(text);
      box.appendChild(button);
      cell.appendChild(box);
      var total = null;
      function show() {
        var answers = stored(url.pathname), answered = 0, right = 0;
        Object.keys(answers).forEach(function (id) {
          if (answers[id] && answers[id].answered) answered++;
          if (answers[id] && answers[id].correct) right++;
        });
        text.textContent = answered ? TEXT.score(right, total === null ? "?" : total, answered) : TEXT.none;
        button.hidden = !answered;
      }
      button.addEventListener("click", function () {
        if (window.confirm(TEXT.confirm)) {
          localStorage.removeItem(PREFIX + url.pathname);
          show();
        }
      });
      show();
      fetchPage(url.href).then(function (page) {
        total = page.querySelectorAll(".quiz").length;
        show();
      }).catch(function () { show(); });
    });
  }

  /* Review my mistakes: the questions answered wrong on every practice page of this language. */
  function review(box) {
    var folder = window.location.pathname.replace(/[^/]*\/?$/, "");  // this language's practice folder
    var pages = [];
    for (var i = 0; i < localStorage.length; i++) {
      var key = localStorage.key(i);
      if (key && key.indexOf(PREFIX + folder) === 0) pages.push(key.slice(PREFIX.length));
    }
    pages.sort();
    var jobs = pages.map(function (path) {
      var answers = stored(path);
      var wrong = Object.keys(answers).filter(function (id) { return answers[id].answered && !answers[id].correct; });
      if (!wrong.length) return Promise.resolve(null);
      return fetchPage(path).then(function (page) {
        var title = (page.querySelector(".md-content h1") || {}).textContent || path;
        return { path: path, title: title.trim(), questions: wrong.map(function (id) {
          var quiz = page.getElementById(id);
          var question = quiz && quiz.querySelector(".quiz-question");
          return { id: id, text: question ? question.textContent.trim().replace(/\s+/g, " ") : id };
        }) };
      });
    });
    Promise.all(jobs).then(function (found) {
      found = found.filter(Boolean);
      box.textContent = "";
      if (!found.length) {
        box.appendChild(element("p", "practice-review-empty", TEXT.empty));
        return;
      }
      found.forEach(function (page) {
        var heading = element("h2", null, page.title);
        var count = element("p", "practice-review-count", TEXT.count(page.questions.length));
        var list = element("ol", "practice-review-list");
        page.questions.forEach(function (question) {
          var item = element("li");
          item.appendChild(element("span", "practice-review-question", question.text + " "));
          var link = element("a", "md-button practice-review-retry", TEXT.retry);
          link.href = page.path + "#" + question.id;
          item.appendChild(link);
          list.appendChild(item);
        });
        box.appendChild(heading);
        box.appendChild(count);
        box.appendChild(list);
      });
    }).catch(function () {
      box.textContent = TEXT.failed;
    });
  }

  var marker = document.getElementById("practice-progress");
  if (marker) scores(marker);
  var box = document.getElementById("practice-review");
  if (box) review(box);
})();
