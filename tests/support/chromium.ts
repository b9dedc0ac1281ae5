// Where the browser tests find Chromium: Debian's package by default, CHROMIUM_PATH to override.
export const chromiumPath = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
