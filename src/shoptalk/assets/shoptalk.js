/* Shoptalk: site scripts. The self-check is quiz.js. */
