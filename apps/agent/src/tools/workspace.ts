import { realpath } from 'node:fs/promises';
import path from 'node:path';

/**
 * The working directory the built-in file tools are confined to. Paths from the model are resolved against it and
 * refused when they lead outside — by `..`, an absolute path, or a symbolic link pointing out.
 */
export class Workspace {
  /** Absolute, symlink-free path of the working directory. */
  readonly root: string;

  private constructor(root: string) {
    this.root = root;
  }

  /** Opens a workspace on an existing directory. */
  static async open(directory: string): Promise<Workspace> {
    return new Workspace(await realpath(path.resolve(directory)));
  }

  /**
   * The absolute path of `requested` inside the workspace. Throws when it is outside — lexically, or once symbolic
   * links are followed (for a path that does not exist yet, its nearest existing ancestor is checked).
   */
  async resolve(requested: string): Promise<string> {
    const absolute = path.resolve(this.root, requested);
    this.assertInside(absolute, requested);
    this.assertInside(await realpathOfNearestExisting(absolute), requested);
    return absolute;
  }

  /** A path for display: relative to the root (`.` for the root itself). */
  display(absolute: string): string {
    return path.relative(this.root, absolute) || '.';
  }

  private assertInside(absolute: string, requested: string): void {
    const relative = path.relative(this.root, absolute);
    if (relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative))) return;
    throw new Error(`Access denied: "${requested}" is outside the working directory ${this.root}.`);
  }
}

async function realpathOfNearestExisting(absolute: string): Promise<string> {
  let current = absolute;
  const missing: string[] = [];
  for (;;) {
    try {
      return path.join(await realpath(current), ...missing.reverse());
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      const parent = path.dirname(current);
      if (parent === current) return absolute;
      missing.push(path.basename(current));
      current = parent;
    }
  }
}
