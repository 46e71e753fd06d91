// `@echogarden/fvad-wasm` ships no types: its default export is Emscripten's module factory, resolving to
// the module with libfvad's C functions (fvad_new, fvad_set_mode, fvad_set_sample_rate, fvad_process,
// fvad_free), malloc/free and the heap views. The reference-VAD bench narrows it to what it calls.
declare module '@echogarden/fvad-wasm' {
  const createModule: () => Promise<unknown>;
  export default createModule;
}
