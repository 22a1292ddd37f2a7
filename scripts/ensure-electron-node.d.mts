export declare const ELECTRON_NODE_MAJOR: number;
export declare const VERSION: string;
export declare const INTEGRITY: string;
export declare function integrityOf(file: string): string;
