/**
 * Password hashers, image and compression libraries, the AWS SDK v3, nodemailer
 * and JWT signing. The recurring question is where the CPU work runs: native
 * addons (bcrypt, argon2, @node-rs/*, sharp, @napi-rs/*) hand it to libuv's pool
 * or their own threads (`offThread`), while pure-JavaScript libraries (bcryptjs,
 * jimp, pako) compute on the calling thread.
 */
import { KNOWLEDGE_COST as COST, type Behaviour } from './behaviour';
import { blocks, callsBack, cheap, computes, constructs, makes, offThread, offThreadCallback, registers, waits, type TableBuilder } from './build';

/** A native async API that also accepts a completion callback. */
const nativeAsync: Behaviour = offThread({ whenCallback: offThreadCallback() });
const cheapNativeAsync: Behaviour = offThread({ cost: COST.wait, whenCallback: offThreadCallback({ cost: COST.wait }) });
const heavyBlock = (alternative: string): Behaviour => blocks(alternative, { cost: COST.heavy });

export function addTools(t: TableBuilder): void {
  addHashers(t);
  addImages(t);
  addCompression(t);
  addServices(t);
}

function addHashers(t: TableBuilder): void {
  t.apis('bcrypt', ['hash', 'compare'], nativeAsync);
  t.api('bcrypt.genSalt', cheapNativeAsync);
  t.api('bcrypt.hashSync', heavyBlock('bcrypt.hash'));
  t.api('bcrypt.compareSync', heavyBlock('bcrypt.compare'));
  // Generating a salt is a few random bytes, not key stretching.
  t.api(['bcrypt.genSaltSync', 'bcrypt.getRounds'], cheap());

  // bcryptjs is plain JavaScript: its async form slices the work with yields, on this thread.
  const slicedWithCallback = computes(COST.heavy, { chunked: true, callbackStyle: true, callback: { argument: 'last', runs: 'on-completion' } });
  const sliced = computes(COST.heavy, { returnsPromise: true, chunked: true, whenCallback: slicedWithCallback });
  t.apis('bcryptjs', ['hash', 'compare'], sliced);
  t.api('bcryptjs.hashSync', heavyBlock('bcryptjs.hash'));
  t.api('bcryptjs.compareSync', heavyBlock('bcryptjs.compare'));
  t.api(['bcryptjs.genSalt'], cheap({ returnsPromise: true }));
  t.api(['bcryptjs.genSaltSync', 'bcryptjs.getRounds'], cheap());

  // argon2 (node-argon2) has only async forms, run on libuv's pool.
  t.apis('argon2', ['hash', 'verify'], offThread());
  t.api('argon2.needsRehash', cheap());
  t.apis('@node-rs/argon2', ['hash', 'verify', 'hashRaw'], offThread());
  t.api('@node-rs/argon2.hashSync', heavyBlock('@node-rs/argon2.hash'));
  t.api('@node-rs/argon2.verifySync', heavyBlock('@node-rs/argon2.verify'));
  t.api('@node-rs/argon2.hashRawSync', heavyBlock('@node-rs/argon2.hashRaw'));
  t.apis('@node-rs/bcrypt', ['hash', 'verify', 'compare'], offThread());
  t.api('@node-rs/bcrypt.genSalt', offThread({ cost: COST.wait }));
  t.api('@node-rs/bcrypt.hashSync', heavyBlock('@node-rs/bcrypt.hash'));
  t.api('@node-rs/bcrypt.verifySync', heavyBlock('@node-rs/bcrypt.verify'));
  t.api('@node-rs/bcrypt.compareSync', heavyBlock('@node-rs/bcrypt.compare'));
  t.api('@node-rs/bcrypt.genSaltSync', cheap());

  // jsonwebtoken signs on the calling thread, with or without a callback; one signature is cheap.
  t.apis('jsonwebtoken', ['sign', 'verify'], computes(COST.cheap));
  t.api('jsonwebtoken.decode', cheap());
}

function addImages(t: TableBuilder): void {
  // sharp builds a pipeline synchronously; the output methods run it on libuv's pool.
  t.api('sharp', makes('sharp.Sharp'));
  t.type('sharp.Sharp', { extends: 'stream.Duplex', otherMethods: 'same' });
  t.methods('sharp.Sharp', ['toBuffer', 'toFile', 'metadata', 'stats'], nativeAsync);
  t.methods('sharp.Sharp', ['clone'], makes('sharp.Sharp'));
  t.api(['sharp.concurrency', 'sharp.cache', 'sharp.simd', 'sharp.counters'], cheap());

  const transformer = '@napi-rs/image.Transformer';
  t.api(transformer, constructs(transformer));
  t.api([`${transformer}.fromSvg`, `${transformer}.fromRgbaPixels`], makes(transformer));
  t.type(transformer, { otherMethods: 'same' });
  for (const encoder of ['webp', 'webpLossless', 'avif', 'heic', 'png', 'jpeg', 'bmp', 'ico', 'tiff', 'pnm', 'tga', 'farbfeld', 'rawPixels', 'metadata']) {
    t.methods(transformer, [encoder], offThread());
    t.methods(transformer, [`${encoder}Sync`], heavyBlock(`${transformer}#${encoder}`));
  }
  for (const operation of ['compressJpeg', 'losslessCompressPng', 'pngQuantize']) {
    t.api(`@napi-rs/image.${operation}`, offThread());
    t.api(`@napi-rs/image.${operation}Sync`, heavyBlock(`@napi-rs/image.${operation}`));
  }

  const canvas = '@napi-rs/canvas.Canvas';
  t.api('@napi-rs/canvas.createCanvas', makes(canvas));
  t.api(canvas, constructs(canvas));
  t.type(canvas, {});
  t.methods(canvas, ['encode', 'toDataURLAsync'], offThread());
  t.methods(canvas, ['encodeSync', 'toBuffer'], heavyBlock(`${canvas}#encode`));
  t.methods(canvas, ['toDataURL'], heavyBlock(`${canvas}#toDataURLAsync`));

  // jimp decodes, transforms and encodes in JavaScript on the calling thread (v0 and v1 APIs).
  const decode = computes(COST.heavy, { returnsPromise: true, instance: 'jimp.Jimp' });
  t.api(['jimp.read', 'jimp.Jimp.read', 'jimp.Jimp.fromBuffer'], decode);
  t.api(['jimp', 'jimp.Jimp'], constructs('jimp.Jimp'));
  t.type('jimp.Jimp', {});
  t.methods('jimp.Jimp', [
    'resize', 'scale', 'scaleToFit', 'cover', 'contain', 'blur', 'gaussian', 'rotate', 'composite', 'convolute', 'dither',
    'normalize', 'posterize', 'sepia', 'pixelate', 'greyscale', 'invert', 'flip', 'mirror', 'crop', 'autocrop',
  ], computes(COST.heavy, { instance: 'jimp.Jimp' }));
  const encode = computes(COST.heavy, { returnsPromise: true, whenCallback: computes(COST.heavy, { callbackStyle: true, callback: { argument: 'last', runs: 'on-completion' } }) });
  t.methods('jimp.Jimp', ['getBuffer', 'getBufferAsync', 'getBase64', 'getBase64Async', 'write', 'writeAsync'], encode);
  t.methods('jimp.Jimp', ['clone'], computes(COST.cheap, { instance: 'jimp.Jimp' }));
}

function addCompression(t: TableBuilder): void {
  // pako is plain JavaScript with no async form.
  t.apis('pako', ['deflate', 'inflate', 'gzip', 'ungzip', 'deflateRaw', 'inflateRaw'], computes(COST.heavy));
  // fflate's callback forms run in a worker thread; the Sync forms on the calling thread.
  for (const name of ['gzip', 'gunzip', 'deflate', 'inflate', 'zlib', 'unzlib', 'zip', 'unzip', 'decompress']) {
    t.api(`fflate.${name}`, offThreadCallback());
    t.api(`fflate.${name}Sync`, heavyBlock(`fflate.${name}`));
  }
}

/**
 * Service clients. AWS SDK v3 clients live in one package per service
 * (`@aws-sdk/client-s3`, `@aws-sdk/client-dynamodb`, ...): their names follow one
 * pattern, handled by the module rules in table.ts; here is what the shared client does.
 */
function addServices(t: TableBuilder): void {
  const send = waits('network', { stateless: true, whenCallback: callsBack('network', { stateless: true }) });
  t.type('@smithy/smithy-client.Client', { stateless: true });
  t.methods('@smithy/smithy-client.Client', ['send'], send);
  t.methods('@smithy/smithy-client.Client', ['destroy'], cheap());
  t.api('@aws-sdk/lib-dynamodb.DynamoDBDocumentClient.from', makes('@smithy/smithy-client.Client'));
  t.api('@aws-sdk/lib-dynamodb.DynamoDBDocument.from', makes('@aws-sdk/lib-dynamodb.DynamoDBDocument'));
  t.type('@aws-sdk/lib-dynamodb.DynamoDBDocument', { extends: '@smithy/smithy-client.Client', methodDefault: send, stateless: true });
  t.api('@aws-sdk/lib-storage.Upload', constructs('@aws-sdk/lib-storage.Upload'));
  t.type('@aws-sdk/lib-storage.Upload', { extends: 'events.EventEmitter' });
  t.methods('@aws-sdk/lib-storage.Upload', ['done', 'abort'], waits('network'));

  t.api('nodemailer.createTransport', makes('nodemailer.Transporter'));
  t.type('nodemailer.Transporter', { extends: 'events.EventEmitter' });
  t.methods('nodemailer.Transporter', ['sendMail', 'verify'], waits('network', { whenCallback: callsBack('network') }));
  t.methods('nodemailer.Transporter', ['close', 'isIdle'], cheap());
  t.methods('nodemailer.Transporter', ['use'], registers(1));
}
