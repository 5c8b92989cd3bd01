/** A database driver the ledger can load on demand, and what to tell a user who has not installed it. */
export interface DriverPackage {
  /** The npm package, e.g. `better-sqlite3`. */
  name: string;
  /** The range this ledger is built against, for the install hint. */
  range: string;
  /** What it is for, e.g. `SQLite`. */
  purpose: string;
}

/**
 * Loads a module that requires an optional driver (an optional peer dependency), turning "module not found" for the
 * driver itself into an error that names the package to install. Any other failure (the driver's own native build
 * failing to load, a bug in the module) is passed on as it is.
 */
export async function loadDriver<Module>(load: () => Promise<Module>, driver: DriverPackage): Promise<Module> {
  try {
    return await load();
  } catch (error) {
    if (!isMissingPackage(error, driver.name)) throw error;
    throw new Error(
      `${driver.purpose} needs the ${driver.name} package, which is not installed: add it to your dependencies (npm install ${driver.name}@${driver.range})`,
      { cause: error },
    );
  }
}

function isMissingPackage(error: unknown, name: string): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  return (
    (code === 'MODULE_NOT_FOUND' || code === 'ERR_MODULE_NOT_FOUND') &&
    typeof message === 'string' &&
    (message.includes(`'${name}'`) || message.includes(`"${name}"`))
  );
}
