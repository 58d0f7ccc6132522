// The drawing page of `beak serve`: strokes on #pad become the model's input image (cropped, scaled and
// centred like MNIST's digits), posted as a PNG to /predict with Grad-CAM; the answer is drawn as it comes.
// window.beakServe holds the request count and the last answer for tests.
(function () {
  'use strict';
  const $ = id => document.getElementById(id);
  const pad = $('pad'), ctx = pad.getContext('2d');
  const state = { requests: 0, answers: 0, last: null, error: null, idle: true };
  window.beakServe = state;
  let shape = [1, 28, 28], drawing = false, inFlight = false, pending = false, last = null;

  function clear() {
    ctx.fillStyle = '#000'; ctx.fillRect(0, 0, pad.width, pad.height);
    $('prediction').textContent = ''; $('bars').innerHTML = '';
    for (const id of ['seen', 'heat']) { const c = $(id).getContext('2d'); c.fillStyle = '#000'; c.fillRect(0, 0, 196, 196); }
  }

  function point(e) { const r = pad.getBoundingClientRect(); return [e.clientX - r.left, e.clientY - r.top]; }
  function stroke(p) {
    ctx.strokeStyle = '#fff'; ctx.lineWidth = 20; ctx.lineCap = 'round'; ctx.lineJoin = 'round';
    ctx.beginPath(); ctx.moveTo(last[0], last[1]); ctx.lineTo(p[0], p[1]); ctx.stroke();
    last = p;
  }
  pad.addEventListener('pointerdown', e => { drawing = true; last = point(e); stroke(last); schedule(); });
  pad.addEventListener('pointermove', e => { if (drawing) { stroke(point(e)); schedule(); } });
  window.addEventListener('pointerup', () => { if (drawing) { drawing = false; schedule(); } });
  $('clear').addEventListener('click', clear);

  // The drawing as the model's H x W input: bounding box scaled to 20/28 of the size, centred by mass.
  function modelInput() {
    const h = shape[shape.length - 2], w = shape[shape.length - 1];
    const img = ctx.getImageData(0, 0, pad.width, pad.height).data;
    let x0 = pad.width, y0 = pad.height, x1 = -1, y1 = -1;
    for (let y = 0; y < pad.height; y++) for (let x = 0; x < pad.width; x++) {
      if (img[(y * pad.width + x) * 4] > 0) { x0 = Math.min(x0, x); x1 = Math.max(x1, x); y0 = Math.min(y0, y); y1 = Math.max(y1, y); }
    }
    const out = document.createElement('canvas'); out.width = w; out.height = h;
    const o = out.getContext('2d'); o.fillStyle = '#000'; o.fillRect(0, 0, w, h);
    if (x1 < 0) return out;
    const bw = x1 - x0 + 1, bh = y1 - y0 + 1, s = Math.min(w, h) * (20 / 28) / Math.max(bw, bh);
    const small = document.createElement('canvas'); small.width = Math.max(1, Math.round(bw * s)); small.height = Math.max(1, Math.round(bh * s));
    small.getContext('2d').drawImage(pad, x0, y0, bw, bh, 0, 0, small.width, small.height);
    const d = small.getContext('2d').getImageData(0, 0, small.width, small.height).data;
    let m = 0, cx = 0, cy = 0;
    for (let y = 0; y < small.height; y++) for (let x = 0; x < small.width; x++) { const v = d[(y * small.width + x) * 4]; m += v; cx += v * x; cy += v * y; }
    const ox = Math.round(w / 2 - (m ? cx / m : small.width / 2)), oy = Math.round(h / 2 - (m ? cy / m : small.height / 2));
    o.drawImage(small, Math.max(0, Math.min(w - small.width, ox)), Math.max(0, Math.min(h - small.height, oy)));
    return out;
  }

  function schedule() { state.idle = false; if (inFlight) pending = true; else send(); }

  function send() {
    inFlight = true; pending = false;
    const input = modelInput();
    const seen = $('seen').getContext('2d'); seen.imageSmoothingEnabled = false; seen.drawImage(input, 0, 0, 196, 196);
    input.toBlob(blob => {
      state.requests++;
      fetch('/predict?gradcam=true&top=3', { method: 'POST', headers: { 'Content-Type': 'image/png' }, body: blob })
        .then(r => r.json().then(j => ({ ok: r.ok, j: j })))
        .then(({ ok, j }) => { if (ok) show(j.predictions[0], input); else fail(j.error); })
        .catch(e => fail(String(e)))
        .finally(() => { inFlight = false; if (pending) send(); else state.idle = true; });
    }, 'image/png');
  }

  function fail(message) { state.error = message; $('error').textContent = message; }

  function show(p, input) {
    state.answers++; state.last = p; state.error = null; $('error').textContent = '';
    $('prediction').textContent = p.top[0].name;
    $('bars').innerHTML = p.top.map(c => '<div class="bar"><span class="name">' + c.name + '</span><span class="fill" style="width:'
      + Math.round(160 * c.probability) + 'px"></span><span>' + (100 * c.probability).toFixed(1) + '%</span></div>').join('');
    const heat = $('heat').getContext('2d');
    heat.imageSmoothingEnabled = false; heat.drawImage(input, 0, 0, 196, 196);
    if (p.gradcam) {
      const g = p.gradcam, c = document.createElement('canvas'); c.width = g.width; c.height = g.height;
      const cc = c.getContext('2d'), im = cc.createImageData(g.width, g.height);
      g.values.forEach((v, i) => { const [r, gr, b] = jet(v); im.data.set([r, gr, b, Math.round(190 * v)], i * 4); });
      cc.putImageData(im, 0, 0);
      heat.imageSmoothingEnabled = true; heat.drawImage(c, 0, 0, 196, 196);
      $('camlayer').textContent = 'Grad-CAM at ' + g.layer + ' for class ' + p.top[0].name;
    } else if (p.gradcam_error) $('camlayer').textContent = 'no Grad-CAM: ' + p.gradcam_error;
  }

  function jet(v) {
    const f = x => Math.round(255 * Math.max(0, Math.min(1, x)));
    return [f(1.5 - Math.abs(4 * v - 3)), f(1.5 - Math.abs(4 * v - 2)), f(1.5 - Math.abs(4 * v - 1))];
  }

  clear();
  fetch('/model').then(r => r.json()).then(m => {
    shape = m.input_shape;
    $('model').textContent = m.name + ' · ' + m.parameters.toLocaleString() + ' parameters · input ' + shape.join('x')
      + (m.classes.length ? ' · ' + m.classes.length + ' classes' : '');
  });
})();
