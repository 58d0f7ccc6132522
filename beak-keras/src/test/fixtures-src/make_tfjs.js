// Builds small Keras-topology models with TensorFlow.js, saves each as a TF.js layers model
// (model.json + weights.bin) and records TF.js's own outputs on a fixed input (io.json, channels-last).
// Usage: npm install && node make_tfjs.js ../resources/keras MNIST_DIR [fixture names]   (see README.md)
'use strict';
const tf = require('@tensorflow/tfjs');
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const out = process.argv[2] || '../resources/keras';

// A fixed linear congruential generator, so every run writes the same inputs and weights.
let state = 12345;
function uniform() {
  state = (state * 1103515245 + 12345) % 2147483648;
  return state / 2147483648;
}
function randomArray(n, lo, hi) {
  const a = new Float32Array(n);
  for (let i = 0; i < n; i++) a[i] = lo + (hi - lo) * uniform();
  return a;
}
function randomTensor(shape, lo = -1, hi = 1) {
  return tf.tensor(randomArray(shape.reduce((a, b) => a * b, 1), lo, hi), shape);
}

// Replaces every weight by seeded random values (batch-norm variances kept positive), so that
// the fixtures do not depend on TF.js's own initializers.
function randomizeWeights(model) {
  for (const layer of model.layers) {
    const ws = layer.getWeights();
    if (ws.length === 0) continue;
    layer.setWeights(layer.weights.map((w, i) => {
      const positive = /variance|gamma/.test(w.name) || /moving_var/.test(w.originalName || '');
      return randomTensor(ws[i].shape, positive ? 0.5 : -0.6, positive ? 1.5 : 0.6);
    }));
  }
}

function tensorJson(t) {
  return {shape: t.shape, data: Array.from(t.dataSync())};
}

async function save(model, name, inputs, {quantize} = {}) {
  const dir = path.join(out, name);
  fs.mkdirSync(dir, {recursive: true});
  let artifacts;
  await model.save(tf.io.withSaveHandler(async a => { artifacts = a; return {modelArtifactsInfo: {dateSaved: new Date(), modelTopologyType: 'JSON'}}; }));
  let specs = artifacts.weightSpecs, data = Buffer.from(artifacts.weightData);
  if (quantize) ({specs, data} = quantizeWeights(specs, data, quantize));
  const json = {format: 'layers-model', generatedBy: 'TensorFlow.js tfjs-layers v' + tf.version_layers, convertedBy: null,
    modelTopology: artifacts.modelTopology, weightsManifest: [{paths: ['weights.bin'], weights: specs}]};
  fs.writeFileSync(path.join(dir, 'model.json'), JSON.stringify(json));
  fs.writeFileSync(path.join(dir, 'weights.bin'), data);
  // The reference outputs come from the saved files read back by TF.js (quantized weights decoded by TF.js).
  const loaded = await tf.loadLayersModel(tf.io.fromMemory({modelTopology: json.modelTopology, weightSpecs: specs,
    weightData: data.buffer.slice(data.byteOffset, data.byteOffset + data.length)}));
  let outputs = loaded.predict(inputs);
  if (!Array.isArray(outputs)) outputs = [outputs];
  fs.writeFileSync(path.join(dir, 'io.json'), JSON.stringify({inputs: inputs.map(tensorJson), outputs: outputs.map(tensorJson)}));
  // Each layer's output shape (batch axis null), for the Keras 3 config that make_h5.py writes.
  const shapes = {};
  const walk = m => m.layers.forEach(l => { shapes[l.name] = l.outputShape; if (l.layers) walk(l); });
  walk(model);
  fs.writeFileSync(path.join(dir, 'shapes.json'), JSON.stringify(shapes));
  console.log(name + ': ' + model.countParams() + ' parameters, outputs ' + outputs.map(o => JSON.stringify(o.shape)).join(' '));
}

// TF.js's affine quantization: q = round((w - min) / scale), w' = q * scale + min.
function quantizeWeights(specs, data, dtype) {
  const levels = dtype === 'uint8' ? 255 : 65535;
  const floats = new Float32Array(data.buffer, data.byteOffset, data.length / 4);
  const parts = [], out = [];
  let offset = 0;
  for (const s of specs) {
    const n = s.shape.reduce((a, b) => a * b, 1);
    const w = floats.subarray(offset, offset + n);
    offset += n;
    let min = Math.min(...w), max = Math.max(...w);
    if (max === min) max = min + 1;
    const scale = (max - min) / levels;
    const q = dtype === 'uint8' ? new Uint8Array(n) : new Uint16Array(n);
    for (let i = 0; i < n; i++) q[i] = Math.round((w[i] - min) / scale);
    parts.push(Buffer.from(q.buffer));
    out.push({...s, quantization: {dtype, scale, min}});
  }
  return {specs: out, data: Buffer.concat(parts)};
}

// Conv2D (asymmetric "same"), BatchNormalization, ReLU(max_value), pooling, Activation, Dropout, Flatten, Dense.
function convSequential() {
  return tf.sequential({name: 'conv_sequential', layers: [
    tf.layers.conv2d({inputShape: [10, 11, 3], filters: 4, kernelSize: 3, strides: 2, padding: 'same', name: 'conv_a'}),
    tf.layers.batchNormalization({epsilon: 0.001, name: 'bn'}),
    tf.layers.reLU({maxValue: 0.8, name: 'relu_capped'}),
    tf.layers.maxPooling2d({poolSize: 2, padding: 'same', name: 'pool_max'}),
    tf.layers.conv2d({filters: 6, kernelSize: [2, 1], dilationRate: 1, activation: 'elu', name: 'conv_b'}),
    tf.layers.averagePooling2d({poolSize: 2, strides: 1, padding: 'same', name: 'pool_avg'}),
    tf.layers.activation({activation: 'tanh', name: 'act_tanh'}),
    tf.layers.dropout({rate: 0.3, name: 'drop_a'}),
    tf.layers.flatten({name: 'flat'}),
    tf.layers.dropout({rate: 0.2, name: 'drop_b'}),
    tf.layers.dense({units: 7, activation: 'relu', name: 'fc1'}),
    tf.layers.dense({units: 4, activation: 'softmax', name: 'fc2'}),
  ]});
}

// Activations: every Keras activation Beak has, the activation layers, PReLU, global pooling, Concatenate.
function activations() {
  const x = tf.input({shape: [5, 6, 4], name: 'image'});
  const branches = ['relu', 'sigmoid', 'tanh', 'elu', 'selu', 'softplus', 'linear', 'relu6', 'softmax']
    .map(a => tf.layers.activation({activation: a, name: 'act_' + a}).apply(x));
  branches.push(tf.layers.leakyReLU({alpha: 0.15, name: 'leaky'}).apply(x));
  branches.push(tf.layers.elu({name: 'elu_layer'}).apply(x));
  branches.push(tf.layers.softmax({axis: -1, name: 'softmax_layer'}).apply(x));
  branches.push(tf.layers.reLU({name: 'relu_layer'}).apply(x));
  branches.push(tf.layers.prelu({name: 'prelu'}).apply(x));
  branches.push(tf.layers.conv2d({filters: 3, kernelSize: 3, padding: 'same', activation: 'softmax', name: 'conv_softmax'}).apply(x));
  const joined = tf.layers.concatenate({name: 'joined'}).apply(branches);
  const avg = tf.layers.globalAveragePooling2d({name: 'gap'}).apply(joined);
  const max = tf.layers.globalMaxPooling2d({name: 'gmp'}).apply(joined);
  return tf.model({name: 'activations', inputs: x, outputs: [joined, tf.layers.concatenate({name: 'pooled'}).apply([avg, max])]});
}

// Merges, padding, cropping, upsampling, depthwise/separable/transposed convolutions, Permute, Reshape, Rescaling.
function graphLayers() {
  const x = tf.input({shape: [8, 7, 3], name: 'image'});
  const scaled = tf.layers.rescaling({scale: 0.5, offset: -0.25, name: 'rescale'}).apply(x);
  const a = tf.layers.conv2d({filters: 4, kernelSize: 3, padding: 'same', name: 'conv_a'}).apply(scaled);
  const b = tf.layers.conv2d({filters: 4, kernelSize: 1, name: 'conv_b'}).apply(scaled);
  const merged = tf.layers.concatenate({name: 'merged'}).apply([
    tf.layers.add({name: 'add'}).apply([a, b]),
    tf.layers.multiply({name: 'mul'}).apply([a, b]),
    tf.layers.average({name: 'avg'}).apply([a, b]),
    tf.layers.maximum({name: 'max'}).apply([a, b]),
  ]);
  const padded = tf.layers.zeroPadding2d({padding: [[1, 2], [0, 1]], name: 'pad'}).apply(merged);
  const cropped = tf.layers.cropping2D({cropping: [[2, 1], [1, 0]], name: 'crop'}).apply(padded);
  const up = tf.layers.upSampling2d({size: [2, 1], name: 'up'}).apply(cropped);
  const dw = tf.layers.depthwiseConv2d({kernelSize: 3, depthMultiplier: 2, strides: 2, padding: 'same', name: 'dw'}).apply(up);
  const sep = tf.layers.separableConv2d({filters: 5, kernelSize: 3, padding: 'same', activation: 'relu', name: 'sep'}).apply(dw);
  const tr = tf.layers.conv2dTranspose({filters: 3, kernelSize: 3, strides: 2, padding: 'same', name: 'deconv'}).apply(sep);
  const trValid = tf.layers.conv2dTranspose({filters: 2, kernelSize: [3, 2], strides: [1, 2], padding: 'valid', name: 'deconv_valid'}).apply(sep);
  const permuted = tf.layers.permute({dims: [2, 1, 3], name: 'permute'}).apply(tr);
  const reshaped = tf.layers.reshape({targetShape: [-1, 6], name: 'reshape'}).apply(permuted);
  const flatTr = tf.layers.flatten({name: 'flat_valid'}).apply(trValid);
  return tf.model({name: 'graph_layers', inputs: x, outputs: [reshaped, flatTr]});
}

// Sequences: Conv1D (same, causal, dilation), pooling 1-d, global pooling 1-d, Dense.
function sequence() {
  const x = tf.input({shape: [20, 3], name: 'signal'});
  let h = tf.layers.conv1d({filters: 5, kernelSize: 3, padding: 'same', activation: 'relu', name: 'conv_same'}).apply(x);
  h = tf.layers.maxPooling1d({poolSize: 2, name: 'pool_max'}).apply(h);
  h = tf.layers.spatialDropout1d({rate: 0.25, name: 'spatial_drop'}).apply(h);
  h = tf.layers.conv1d({filters: 4, kernelSize: 3, dilationRate: 2, padding: 'same', name: 'conv_dilated'}).apply(h);
  h = tf.layers.averagePooling1d({poolSize: 3, strides: 2, padding: 'same', name: 'pool_avg'}).apply(h);
  h = tf.layers.conv1d({filters: 4, kernelSize: 2, strides: 2, padding: 'valid', name: 'conv_stride'}).apply(h);
  const pooled = tf.layers.concatenate({name: 'pooled'}).apply([
    tf.layers.globalAveragePooling1d({name: 'gap'}).apply(h), tf.layers.globalMaxPooling1d({name: 'gmp'}).apply(h)]);
  const y = tf.layers.dense({units: 3, name: 'head'}).apply(pooled);
  return tf.model({name: 'sequence', inputs: x, outputs: y});
}

// Text CNN: Embedding (ids (N, 12) -> (N, 12, 8)), Conv1D over it, global max pooling, softmax head.
function textCnn() {
  return tf.sequential({name: 'text_cnn', layers: [
    tf.layers.embedding({inputDim: 50, outputDim: 8, inputLength: 12, name: 'embed'}),
    tf.layers.conv1d({filters: 6, kernelSize: 3, padding: 'same', activation: 'relu', name: 'conv'}),
    tf.layers.globalMaxPooling1d({name: 'gmp'}),
    tf.layers.dense({units: 3, activation: 'softmax', name: 'head'}),
  ]});
}

// The same with mask_zero, its mask reaching global pooling directly (average) and through Conv1D (max);
// TF.js' global pooling ignores the mask, so padded positions count.
function textCnnMasked() {
  const ids = tf.input({shape: [12], name: 'ids'});
  const e = tf.layers.embedding({inputDim: 50, outputDim: 8, maskZero: true, name: 'embed'}).apply(ids);
  const conv = tf.layers.conv1d({filters: 6, kernelSize: 3, padding: 'same', activation: 'relu', name: 'conv'}).apply(e);
  const pooled = tf.layers.concatenate({name: 'pooled'}).apply([
    tf.layers.globalMaxPooling1d({name: 'gmp'}).apply(conv), tf.layers.globalAveragePooling1d({name: 'gap'}).apply(e)]);
  return tf.model({name: 'text_cnn_masked', inputs: ids, outputs: tf.layers.dense({units: 3, activation: 'softmax', name: 'head'}).apply(pooled)});
}

// Token ids 1..vocabulary-1 as floats, the last `padded[i]` of row i set to 0 (padding).
function randomIds(shape, vocabulary, padded) {
  const a = new Float32Array(shape[0] * shape[1]);
  for (let i = 0; i < a.length; i++) a[i] = 1 + Math.floor((vocabulary - 1) * uniform());
  padded.forEach((n, row) => a.fill(0, (row + 1) * shape[1] - n, (row + 1) * shape[1]));
  return tf.tensor(a, shape);
}

// A Sequential model and a functional model used as layers inside a functional model.
function nested() {
  const inner = tf.sequential({name: 'inner_seq', layers: [
    tf.layers.conv2d({inputShape: [6, 6, 2], filters: 3, kernelSize: 3, padding: 'same', activation: 'relu', name: 'inner_conv'}),
    tf.layers.batchNormalization({name: 'inner_bn'}),
  ]});
  const v = tf.input({shape: [108], name: 'vector'});
  const innerFn = tf.model({name: 'inner_fn', inputs: v, outputs: tf.layers.dense({units: 5, activation: 'sigmoid', name: 'inner_dense'}).apply(v)});
  const x = tf.input({shape: [6, 6, 2], name: 'image'});
  const features = inner.apply(x);
  const flat = tf.layers.flatten({name: 'flat'}).apply(features);
  const y = innerFn.apply(flat);
  return tf.model({name: 'nested', inputs: x, outputs: tf.layers.dense({units: 2, name: 'head'}).apply(y)});
}

function readIdx(file) {
  const b = zlib.gunzipSync(fs.readFileSync(file));
  const dims = b.readUInt32BE(0) & 0xff, shape = [];
  for (let i = 0; i < dims; i++) shape.push(b.readUInt32BE(4 + 4 * i));
  return {shape, data: b.subarray(4 + 4 * dims)};
}

// A small CNN trained by TF.js on 2,000 MNIST digits; 256 other digits are kept for Beak's fine-tuning test.
async function mnist(dataDir) {
  const images = readIdx(path.join(dataDir, 'train-images-idx3-ubyte.gz')), labels = readIdx(path.join(dataDir, 'train-labels-idx1-ubyte.gz'));
  const n = 2000, pixels = 28 * 28;
  const xs = tf.tensor(Float32Array.from(images.data.subarray(0, n * pixels), v => v / 255), [n, 28, 28, 1]);
  const ys = tf.oneHot(tf.tensor1d(Array.from(labels.data.subarray(0, n)), 'int32'), 10);
  const model = tf.sequential({name: 'mnist_cnn', layers: [
    tf.layers.conv2d({inputShape: [28, 28, 1], filters: 8, kernelSize: 3, activation: 'relu', name: 'conv1'}),
    tf.layers.maxPooling2d({poolSize: 2, name: 'pool1'}),
    tf.layers.conv2d({filters: 16, kernelSize: 3, activation: 'relu', name: 'conv2'}),
    tf.layers.maxPooling2d({poolSize: 2, name: 'pool2'}),
    tf.layers.flatten({name: 'flatten'}),
    tf.layers.dense({units: 10, activation: 'softmax', name: 'classifier'}),
  ]});
  model.compile({optimizer: tf.train.adam(0.003), loss: 'categoricalCrossentropy', metrics: ['accuracy']});
  const h = await model.fit(xs, ys, {epochs: 4, batchSize: 32, shuffle: false, verbose: 0});
  console.log('mnist training accuracy by epoch: ' + h.history.acc.map(a => a.toFixed(3)).join(' '));
  const m = 256, start = 5000;
  const sample = Buffer.from(images.data.subarray(start * pixels, (start + m) * pixels));
  const sampleLabels = Buffer.from(labels.data.subarray(start, start + m));
  const dir = path.join(out, 'mnist_cnn');
  fs.mkdirSync(dir, {recursive: true});
  fs.writeFileSync(path.join(dir, 'digits-256.bin.gz'), zlib.gzipSync(Buffer.concat([sampleLabels, sample]), {level: 9}));
  const probe = tf.tensor(Float32Array.from(sample.subarray(0, 8 * pixels), v => v / 255), [8, 28, 28, 1]);
  await save(model, 'mnist_cnn', [probe]);
  const acc = tf.metrics.categoricalAccuracy(tf.oneHot(tf.tensor1d(Array.from(sampleLabels), 'int32'), 10),
    model.predict(tf.tensor(Float32Array.from(sample, v => v / 255), [m, 28, 28, 1]))).mean().dataSync()[0];
  console.log('mnist accuracy on the 256 kept digits: ' + acc.toFixed(4));
}

async function main() {
  await tf.setBackend('cpu');
  const cases = [['conv_sequential', convSequential, [2, 10, 11, 3]], ['activations', activations, [2, 5, 6, 4]],
    ['graph_layers', graphLayers, [2, 8, 7, 3]], ['sequence', sequence, [2, 20, 3]], ['nested', nested, [2, 6, 6, 2]],
    ['text_cnn', textCnn, [3, 12], [50, [0, 2, 5]]], ['text_cnn_masked', textCnnMasked, [3, 12], [50, [0, 4, 9]]]];
  const only = process.argv.slice(4);   // optional fixture names: rebuild only those
  for (const [name, make, shape, ids] of cases) {
    if (only.length && !only.includes(name)) continue;
    state = [...name].reduce((h, ch) => (h * 31 + ch.charCodeAt(0)) % 2147483648, 12345);   // each fixture its own stream
    const model = make();
    randomizeWeights(model);
    const input = ids ? randomIds(shape, ...ids) : randomTensor(shape);
    await save(model, name, [input]);
    if (name === 'conv_sequential') {
      await save(model, name + '_uint8', [input], {quantize: 'uint8'});
      await save(model, name + '_uint16', [input], {quantize: 'uint16'});
    }
  }
  if (!only.length || only.includes('mnist_cnn')) await mnist(process.argv[3] || '/work/shared/data/mnist-10k');
}

main().catch(e => { console.error(e); process.exit(1); });
