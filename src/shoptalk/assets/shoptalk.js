/* Shoptalk: the self-check quiz. Runs on every page load, including Material's
   instant navigation (document$), and needs no server. */
(function () {
  function setUp(quiz) {
    if (quiz.dataset.ready) return;
    quiz.dataset.ready = "1";
    var total = Number(quiz.dataset.total) || 0;
    var right = 0, answered = 0;
    var score = quiz.querySelector(".st-quiz__score");
    quiz.querySelectorAll(".st-quiz__q").forEach(function (question) {
      question.querySelectorAll(".st-quiz__choice").forEach(function (button) {
        button.addEventListener("click", function () {
          var ok = button.dataset.correct === "true";
          button.dataset.state = ok ? "right" : "wrong";
          question.querySelectorAll(".st-quiz__choice").forEach(function (b) {
            b.disabled = true;
            if (b.dataset.correct === "true") b.dataset.state = "right";
          });
          var answer = question.querySelector(".st-quiz__answer");
          if (answer) {
            answer.hidden = false;
            // The pressed button is now disabled: keep keyboard focus in the question, so
            // Tab goes on to the next one instead of back to the top of the page.
            answer.tabIndex = -1;
            answer.focus();
          }
          answered += 1;
          if (ok) right += 1;
          score.textContent = right + " of " + answered + " right" +
            (answered === total ? " — done!" : " (" + (total - answered) + " to go)");
        });
      });
    });
  }
  function init() { document.querySelectorAll(".st-quiz").forEach(setUp); }
  if (typeof document$ !== "undefined") { document$.subscribe(init); }
  else { document.addEventListener("DOMContentLoaded", init); }
})();
