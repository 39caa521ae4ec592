// jstat ships no type declarations; these are the only functions the warning methods use. It is a UMD bundle, so
// Node's ESM loader sees only its default export (module.exports).
declare module 'jstat' {
  const jstat: {
    jStat: {
      studentt: { cdf(x: number, dof: number): number; inv(p: number, dof: number): number };
      normal: { inv(p: number, mean: number, sd: number): number };
    };
  };
  export default jstat;
}
