// Vite bundles a `?worker&url` import as its own script file from the app's origin and gives its URL,
// which the Content-Security-Policy (script-src 'self') lets `audioWorklet.addModule` load.
declare module '*?worker&url' {
  const url: string;
  export default url;
}
