/* Shoptalk: the self-check. The build puts a pool of questions in data-pool (JSON, see
   render/quiz.py); each visit asks a new random set of data-count of them. Without this
   script the page shows a static set with answers to reveal. Runs on every page load,
   including Material's instant navigation (document$). Text is set with textContent only. */
(function () {
  "use strict";

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /* A relative link from the build; anything with a scheme is refused. */
  function safeHref(href) {
    var squashed = String(href).replace(/[\s\u0000-\u001f]/g, "");
    return /^[a-z][a-z0-9+.-]*:/i.test(squashed) ? "#" : squashed;
  }

  function pick(pool, count) {
    var order = pool.map(function (_, i) { return i; });
    for (var i = order.length - 1; i > 0; i--) {
      var j = Math.floor(Math.random() * (i + 1));
      var t = order[i]; order[i] = order[j]; order[j] = t;
    }
    return order.slice(0, count).map(function (i) { return pool[i]; });
  }

  function headerHeight() {
    var header = document.querySelector(".md-header");
    return header ? header.getBoundingClientRect().height : 0;
  }

  function setUp(quiz) {
    if (quiz.dataset.ready) return;
    var pool;
    try { pool = JSON.parse(quiz.dataset.pool || "[]"); } catch (e) { return; }
    var count = Math.min(Number(quiz.dataset.count) || 10, pool.length);
    if (!pool.length) return;
    quiz.dataset.ready = "1";
    var fixed = quiz.querySelector(".st-quiz__static");
    if (fixed) fixed.hidden = true;

    var bar = el("div", "st-quiz__bar");
    var score = el("p", "st-quiz__score");
    score.setAttribute("role", "status");
    var again = el("button", "st-quiz__again", "New questions");
    again.type = "button";
    bar.append(score, again);
    var list = el("ol", "st-quiz__list");
    var summary = el("p", "st-quiz__summary");
    summary.hidden = true;
    quiz.append(bar, list, summary);

    function stick() { bar.style.top = headerHeight() + "px"; }
    stick();
    window.addEventListener("resize", stick);

    var right = 0, answered = 0;
    function showScore() {
      var left = count - answered;
      score.textContent = right + " of " + answered + " right" +
        (left ? " · " + left + " to go" : " · done!");
      if (!left) {
        summary.textContent = "You got " + right + " of " + count + " right. " +
          "Press “New questions” for another set.";
        summary.hidden = false;
      }
    }

    function ask(q, n) {
      var item = el("li", "st-quiz__q");
      item.dataset.key = q.key;
      var prompt = el("p", "st-quiz__prompt", q.prompt);
      prompt.id = "st-quiz-" + n;
      var group = el("div", "st-quiz__choices");
      group.setAttribute("role", "group");
      group.setAttribute("aria-labelledby", prompt.id);
      var feedback = el("p", "st-quiz__feedback");
      feedback.tabIndex = -1;
      feedback.hidden = true;
      var buttons = q.choices.map(function (text, i) {
        var b = el("button", "st-quiz__choice", text);
        b.type = "button";
        b.addEventListener("click", function () { answer(i); });
        return b;
      });
      function answer(i) {
        var ok = i === q.answer;
        buttons.forEach(function (b, k) {
          b.disabled = true;
          if (k === q.answer) b.dataset.state = "right";
          else if (k === i) b.dataset.state = "wrong";
        });
        feedback.dataset.state = ok ? "right" : "wrong";
        feedback.append(el("strong", null, ok ? "✓ Right. " : "✗ Not quite. "));
        if (!ok) feedback.append("The answer is “" + q.choices[q.answer] + "”. ");
        feedback.append(q.explain + " ");
        var link = el("a", null, "Read about " + q.page_label);
        link.href = safeHref(q.page);
        feedback.append(link);
        feedback.hidden = false;
        feedback.focus({preventScroll: true});
        answered += 1;
        if (ok) right += 1;
        showScore();
      }
      group.append.apply(group, buttons);
      item.append(prompt, group, feedback);
      return item;
    }

    function start() {
      right = 0; answered = 0;
      list.replaceChildren.apply(list, pick(pool, count).map(ask));
      summary.hidden = true;
      showScore();
    }
    again.addEventListener("click", function () {
      start();
      var first = list.querySelector(".st-quiz__choice");
      if (first) first.focus();
    });
    start();
  }

  function init() { document.querySelectorAll(".st-quiz").forEach(setUp); }
  if (typeof document$ !== "undefined") { document$.subscribe(init); }
  else { document.addEventListener("DOMContentLoaded", init); }
})();
