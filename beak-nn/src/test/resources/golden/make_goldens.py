"""Regenerates optimizers.txt: a few optimizer steps on fixed tensors, computed by PyTorch.

Run with a Python that has torch (Debian's python3-torch 1.13 was used):
    /usr/bin/python3 make_goldens.py > optimizers.txt
Each line: case name, step number (1-based), then the parameter values after that step.
OptimizerGoldenTest builds the same optimizer in Beak for each case name and compares.
"""
import torch

P0 = [1.0, -1.0, 0.5, 2.0]
GRADS = [[0.3, -0.2, 0.0, 1.5], [0.1, 0.4, -1.0, -0.5], [-0.5, 0.2, 0.2, 0.05]]

CASES = {
    "sgd": (lambda p: torch.optim.SGD(p, lr=0.1), None),
    "sgd_momentum": (lambda p: torch.optim.SGD(p, lr=0.1, momentum=0.9), None),
    "sgd_nesterov": (lambda p: torch.optim.SGD(p, lr=0.1, momentum=0.9, nesterov=True), None),
    "sgd_momentum_l2": (lambda p: torch.optim.SGD(p, lr=0.1, momentum=0.9, weight_decay=0.01), None),
    "sgd_clip_norm": (lambda p: torch.optim.SGD(p, lr=0.1), ("norm", 0.5)),
    "sgd_clip_value": (lambda p: torch.optim.SGD(p, lr=0.1), ("value", 0.25)),
    "adam": (lambda p: torch.optim.Adam(p, lr=0.01), None),
    "adam_l2": (lambda p: torch.optim.Adam(p, lr=0.01, weight_decay=0.1), None),
    "adamw": (lambda p: torch.optim.AdamW(p, lr=0.01, weight_decay=0.1), None),
    "adagrad": (lambda p: torch.optim.Adagrad(p, lr=0.1), None),
    "rmsprop": (lambda p: torch.optim.RMSprop(p, lr=0.01), None),
    "rmsprop_centered_momentum": (lambda p: torch.optim.RMSprop(p, lr=0.01, alpha=0.9, momentum=0.9, centered=True), None),
    "adadelta": (lambda p: torch.optim.Adadelta(p, lr=1.0), None),
}

for name, (make, clip) in CASES.items():
    p = torch.tensor(P0, dtype=torch.float32, requires_grad=True)
    opt = make([p])
    for t, g in enumerate(GRADS, start=1):
        opt.zero_grad()
        p.grad = torch.tensor(g, dtype=torch.float32)
        if clip and clip[0] == "norm":
            torch.nn.utils.clip_grad_norm_([p], clip[1])
        if clip and clip[0] == "value":
            torch.nn.utils.clip_grad_value_([p], clip[1])
        opt.step()
        print(name, t, " ".join("%.9g" % v for v in p.detach().tolist()))
