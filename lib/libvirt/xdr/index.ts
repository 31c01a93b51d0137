export { XdrReader } from './reader';
export { XdrWriter } from './writer';
export { XdrError } from './errors';
export { encOptional, decOptional, encArray, decArray, encFixedArray, decFixedArray } from './compound';
