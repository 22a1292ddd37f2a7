/** Types of eslint/layers.js, for the test that holds the docs against it. */
export interface Layer {
  type: string;
  folders: string[];
  mayImport: string[] | "any";
  packages: string[] | "any";
  node: boolean;
}
export declare const LAYERS: Layer[];
