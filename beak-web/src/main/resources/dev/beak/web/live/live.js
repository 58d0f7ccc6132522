// The live training page: rebuilds the whole run from the server-sent events (a reload replays them all)
// and redraws at most once per animation frame. State is kept in window.beakLive for tests.
(function () {
  'use strict';
  const COLORS = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf'];
  const $ = id => document.getElementById(id);
  let state, charts = {}, dirty = false, source = null;

  function reset() {
    for (const c of Object.values(charts)) c.destroy();
    charts = {};
    state = {
      events: 0, ended: false, batchSteps: [], batchLoss: [], batchAccuracy: [],
      epochs: [], epochValues: {}, ratioSteps: [], ratios: {}, ratioLayers: [],
      histograms: null, samples: null, predictions: null, confusion: null
    };
    window.beakLive = state;
  }

  const WHOLE = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000, 100000];

  function chart(id, title, names) {
    const el = $(id);
    const series = [{}].concat(names.map((n, i) => ({ label: n, stroke: COLORS[i % COLORS.length], width: 1.5, spanGaps: true })));
    const opts = {
      width: Math.max(300, el.clientWidth || 420), height: 220, series: series,
      scales: { x: { time: false } }, legend: { live: false },
      axes: [{ label: title, incrs: WHOLE }, { size: 60 }]
    };
    return new uPlot(opts, [[]].concat(names.map(() => [])), el);
  }

  function fmt(v, digits) { return v === null || v === undefined ? '–' : Number(v).toFixed(digits); }
  function clock(s) { if (s === null || !isFinite(s)) return '–'; s = Math.round(s); return Math.floor(s / 60) + ':' + String(s % 60).padStart(2, '0'); }

  function onEvent(e) {
    state.events++;
    switch (e.type) {
      case 'start':
        if (state.events > 1) { reset(); state.events = 1; }
        $('model').textContent = e.model + ' · ' + e.parameters.toLocaleString() + ' parameters';
        $('summary').textContent = e.summary;
        state.samples = e.sample_images ? { images: e.sample_images, labels: e.sample_labels } : null;
        renderSamples();
        break;
      case 'batch':
        state.batchSteps.push(e.step); state.batchLoss.push(e.loss); state.batchAccuracy.push(e.accuracy);
        $('epoch').textContent = e.epoch + ' / ' + e.epochs;
        $('batch').textContent = e.batch + ' / ' + e.batches;
        $('loss').textContent = fmt(e.loss, 4);
        $('accuracy').textContent = fmt(e.accuracy, 4);
        $('speed').textContent = fmt(e.images_per_s, 0);
        $('eta').textContent = clock(e.eta_s);
        break;
      case 'ratios':
        for (const layer of Object.keys(e.ratios)) if (!state.ratioLayers.includes(layer)) { state.ratioLayers.push(layer); state.ratios[layer] = state.ratioSteps.map(() => null); }
        state.ratioSteps.push(e.step);
        for (const layer of state.ratioLayers) { const r = e.ratios[layer]; state.ratios[layer].push(r > 0 ? Math.log10(r) : null); }
        break;
      case 'epoch':
        state.epochs.push(e.epoch);
        for (const [k, v] of Object.entries(e.values)) (state.epochValues[k] = state.epochValues[k] || []).push(v);
        if (e.values.learning_rate !== undefined) $('lr').textContent = Number(e.values.learning_rate).toPrecision(3);
        break;
      case 'histograms': state.histograms = e; renderHistograms(); break;
      case 'samples': state.predictions = e; renderSamples(); break;
      case 'confusion': state.confusion = e; renderConfusion(); break;
      case 'end': state.ended = true; break;
    }
    dirty = true;
  }

  function epochSeries(keys) {
    const names = keys.filter(k => state.epochValues[k]);
    return { names: names, data: [state.epochs].concat(names.map(k => state.epochValues[k])) };
  }

  function draw() {
    if (!dirty) return;
    dirty = false;
    const status = $('status');
    status.textContent = state.ended ? 'finished' : (state.events ? 'running' : 'waiting');
    status.className = 'status ' + (state.ended ? 'ended' : 'running');
    if (!charts.batchLoss && state.batchSteps.length) {
      charts.batchLoss = chart('chart-batch-loss', 'step', ['loss']);
      charts.batchAccuracy = chart('chart-batch-accuracy', 'step', ['accuracy']);
    }
    if (charts.batchLoss) {
      charts.batchLoss.setData([state.batchSteps, state.batchLoss]);
      charts.batchAccuracy.setData([state.batchSteps, state.batchAccuracy]);
    }
    if (state.epochs.length) {
      const groups = { epochLoss: ['loss', 'val_loss'], epochAccuracy: ['accuracy', 'val_accuracy'], epochSpeed: ['learning_rate', 'images_per_s'] };
      const ids = { epochLoss: 'chart-epoch-loss', epochAccuracy: 'chart-epoch-accuracy', epochSpeed: 'chart-epoch-speed' };
      for (const [name, keys] of Object.entries(groups)) {
        const s = epochSeries(keys);
        if (name === 'epochSpeed') {
          if (!charts[name] && s.names.length) {
            const el = $(ids[name]);
            charts[name] = new uPlot({
              width: Math.max(300, el.clientWidth || 420), height: 220, scales: { x: { time: false }, lr: {}, speed: {} }, legend: { live: false },
              series: [{}, { label: 'learning rate', stroke: COLORS[0], scale: 'lr' }, { label: 'images/s', stroke: COLORS[1], scale: 'speed' }],
              axes: [{ label: 'epoch', incrs: WHOLE }, { scale: 'lr', size: 70 }, { scale: 'speed', side: 1, size: 60, grid: { show: false } }]
            }, [[], [], []], el);
          }
          if (charts[name]) charts[name].setData([state.epochs, state.epochValues.learning_rate || [], state.epochValues.images_per_s || []]);
          continue;
        }
        if (!charts[name] && s.names.length) charts[name] = chart(ids[name], 'epoch', s.names);
        if (charts[name]) charts[name].setData(s.data);
      }
    }
    if (state.ratioLayers.length) {
      if (charts.ratios && charts.ratios.series.length - 1 !== state.ratioLayers.length) { charts.ratios.destroy(); delete charts.ratios; }
      if (!charts.ratios) charts.ratios = chart('chart-ratios', 'step', state.ratioLayers);
      charts.ratios.setData([state.ratioSteps].concat(state.ratioLayers.map(l => state.ratios[l])));
    }
  }

  function renderSamples() {
    const box = $('samples');
    box.innerHTML = '';
    if (!state.samples) { box.textContent = 'no validation images'; return; }
    const p = state.predictions;
    $('samples-epoch').textContent = p ? 'after epoch ' + p.epoch : '';
    state.samples.images.forEach((src, i) => {
      const truth = state.samples.labels[i], pred = p ? p.predicted[i] : null;
      const d = document.createElement('div');
      d.className = 'sample' + (pred === null ? '' : pred === truth ? ' right' : ' wrong');
      d.innerHTML = '<img alt=""><div>' + truth + '</div><div class="pred">' + (pred === null ? '' : '→ ' + pred + ' ' + (100 * p.probability[i]).toFixed(0) + '%') + '</div>';
      d.querySelector('img').src = src;
      box.appendChild(d);
    });
  }

  function renderConfusion() {
    const c = state.confusion, box = $('confusion');
    $('confusion-epoch').textContent = 'after epoch ' + c.epoch + ', accuracy ' + (100 * c.accuracy).toFixed(2) + '% (rows: true, columns: predicted)';
    let max = 1;
    c.matrix.forEach(r => r.forEach(v => { max = Math.max(max, v); }));
    let html = '<table class="confusion"><tr><th></th>' + c.classes.map(n => '<th>' + n + '</th>').join('') + '</tr>';
    c.matrix.forEach((row, t) => {
      html += '<tr><th>' + c.classes[t] + '</th>' + row.map((v, p) => {
        const a = Math.sqrt(v / max), color = t === p ? '40,120,200' : '220,60,60';
        return '<td style="background:rgba(' + color + ',' + a.toFixed(2) + ');color:' + (a > 0.6 ? '#fff' : '#222') + '">' + v + '</td>';
      }).join('') + '</tr>';
    });
    box.innerHTML = html + '</table>';
  }

  function renderHistograms() {
    const h = state.histograms, box = $('histograms');
    if (!h) return;
    $('histograms-epoch').textContent = 'after epoch ' + h.epoch;
    box.innerHTML = '';
    const kind = $('histogram-kind').value;
    for (const [name, hist] of Object.entries(h[kind] || {})) {
      const fig = document.createElement('figure'), canvas = document.createElement('canvas');
      canvas.width = 180; canvas.height = 80;
      const ctx = canvas.getContext('2d'), counts = hist.counts, top = Math.max(1, ...counts), w = canvas.width / counts.length;
      ctx.fillStyle = kind === 'gradients' ? '#d62728' : kind === 'weights' ? '#2ca02c' : '#1f77b4';
      counts.forEach((v, i) => { const bh = (canvas.height - 2) * v / top; ctx.fillRect(i * w, canvas.height - bh, Math.max(1, w - 1), bh); });
      const cap = document.createElement('figcaption');
      cap.textContent = name + ' [' + Number(hist.min).toPrecision(2) + ', ' + Number(hist.max).toPrecision(2) + ']';
      fig.appendChild(canvas); fig.appendChild(cap); box.appendChild(fig);
    }
  }

  function connect() {
    source = new EventSource('/events');
    source.onmessage = m => {
      const e = JSON.parse(m.data);
      onEvent(e);
      if (e.type === 'end') source.close();
    };
    source.onerror = () => { if (!state.ended) $('status').textContent = 'reconnecting'; };
  }

  $('histogram-kind').addEventListener('change', renderHistograms);
  reset();
  (function frame() { draw(); requestAnimationFrame(frame); })();
  connect();
})();
