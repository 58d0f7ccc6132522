#!/usr/bin/env bash
# Makes every picture in docs/ from the seed MNIST model that `./beak demo` trains and saves.
# Run from the repository root after `./beak demo` (runs/demo/mnist.beak and mnist.history.csv).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
M=runs/demo/mnist.beak
[ -f "$M" ] || { echo "make-pictures: $M is missing; run ./beak demo first" >&2; exit 1; }

./beak report $M --out docs/report --samples 8 --json
./beak viz saliency $M --count 8 --out docs/img/saliency.png --json
./beak viz patterns $M --layer conv2d_1 --filters 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15 --out docs/img/patterns.png --json
./beak viz classmax $M --out docs/img/classmax.png --json
./beak viz adversarial $M --epsilon 0.1 --out docs/img/fgsm.png --json
./beak viz adversarial $M --epsilon 0.15 --steps 10 --out docs/img/fgsm-iterative.png --json
./beak viz dream $M --layer conv2d_1 --size 84 --out docs/img/dream.png --json
./beak viz style $M --index 0 --style-index 3 --out docs/img/style.png --json
