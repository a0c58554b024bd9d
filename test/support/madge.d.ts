/** Just the part of madge's API the architecture test uses (madge ships no types). */
declare module 'madge' {
  interface MadgeResult {
    circular(): string[][];
  }
  /** Files or directories to read, or a tree already built (each file → the files it imports). */
  export default function madge(paths: string | string[] | Record<string, string[]>, config?: { fileExtensions?: string[]; tsConfig?: string }): Promise<MadgeResult>;
}
