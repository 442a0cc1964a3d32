// What a browser test needs from a browser, whichever drives it: Chromium through playwright-core
// (chromium.ts), Firefox through puppeteer-core over WebDriver BiDi (firefox.ts). The scenario
// files are written against these two interfaces only, so that one list of scenarios runs in both.

export type BrowserName = 'chromium' | 'firefox';

/** An extension page (popup or options) open in a tab of its own. */
export interface ExtensionPage {
  /** The page's address, e.g. chrome-extension://ID/popup.html. */
  readonly url: string;
  /**
   * Runs `fn` in the page and returns its (JSON) result. `fn` is sent as source text: it sees only
   * its argument and the page's globals, never the test's variables.
   */
  evaluate<R>(fn: () => R | Promise<R>): Promise<R>;
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  /**
   * Replaces the value of the field with this accessible name by typing, as a person would. With
   * `within`, only inside the group (a fieldset) of that name: one account of several.
   */
  fill(label: string, text: string, within?: string): Promise<void>;
  /** Clicks the button (or other control) with this role and exact accessible name; `within` as for fill. */
  click(role: 'button' | 'checkbox' | 'radio' | 'link', name: string, within?: string): Promise<void>;
  /** Ticks or clears the checkbox with this accessible name by clicking it when needed. */
  setChecked(name: string, checked: boolean): Promise<void>;
  /** Moves the focus to the field with this accessible name, as a click would. */
  focus(label: string): Promise<void>;
  /** Presses a key or chord on whatever has the focus: 'Enter', 'Escape', 'Control+V'. */
  press(key: string): Promise<void>;
  /** Puts `text` on the system clipboard and presses Ctrl+V, as a person pasting it would. */
  paste(text: string): Promise<void>;
  /** Every JavaScript dialog (alert, confirm, prompt) this page opened, already dismissed. */
  readonly dialogs: string[];
  /** Saves the whole page, as tall as its content, as a PNG file. */
  screenshot(path: string): Promise<void>;
  close(): Promise<void>;
}

/** What the extension's context-menu item receives when a person clicks it. */
export interface MenuClick {
  /** Default 'lookup-selection' ("Look up key hash"); 'find-on-page' for "Find key hashes on this page". */
  menuItemId?: string;
  selectionText?: string;
  /** Whether the click came from a tab (a web page) or from no tab at all. */
  fromTab: boolean;
}

/** What the address bar was told after `mg <text>`: its first row, and the rows below it. */
export interface OmniboxState {
  /** The default suggestion's description; null before the extension set one. */
  defaultRow: string | null;
  /** The last rows the listener suggested for this input; null while it has suggested none. */
  rows: Array<{ content: string; description: string }> | null;
}

/** The `mg` keyword, through the extension's real omnibox listeners (driver/omnibox.ts). */
export interface Omnibox {
  /** `mg ` followed by `text`, as typed or pasted into the address bar. */
  type(text: string): Promise<void>;
  read(): Promise<OmniboxState>;
  /** Enter, or a suggestion chosen, with the text it enters. */
  enter(text: string, disposition: 'currentTab' | 'newForegroundTab' | 'newBackgroundTab'): Promise<void>;
}

/** One browser with a fresh profile and the built extension installed. */
export interface ExtensionBrowser {
  readonly name: BrowserName;
  /** chrome-extension://ID/ or moz-extension://UUID/, with the trailing slash. */
  readonly baseUrl: string;
  /** Opens popup.html, options.html… in a new tab and waits until its document has loaded. */
  openPage(path: string): Promise<ExtensionPage>;
  readonly omnibox: Omnibox;
  /**
   * Firefox only: clicks the desktop notification that says `message`, as a person would (its
   * own alert window, with the pref alerts.useSystemBackend false). Headless Chromium cannot allow
   * an extension's notifications at all, so it has none to click.
   */
  clickNotification?(message: string): Promise<void>;
  /**
   * Firefox only: the text of the add-on's "Permissions and data" tab in about:addons, as a person
   * reads it there (the data the add-on declares it transmits, among the rest).
   */
  readAddonPermissionsTab?(): Promise<string>;
  /** Runs the extension's real context-menu listener, as a click on "Look up key hash" does. */
  clickContextMenu(click: MenuClick): Promise<void>;
  /**
   * Stops the background (Chromium's service worker, Firefox's event page) as the browser does
   * when it idles, and resolves once it is stopped.
   */
  stopBackground(): Promise<void>;
  /** The console lines of the extension's pages and background, as the browser reports them. */
  readonly consoleLines: string[];
  /** Resolves when the browser is gone: closed here, or its window closed by a person. */
  readonly closed: Promise<void>;
  close(): Promise<void>;
}

/** Launch options every driver understands. */
export interface LaunchOptions {
  /** Default: headless. */
  headless?: boolean;
  /** Default: the browser's build in .output/. */
  extensionDir?: string;
  /**
   * Chromium only: more unpacked extensions loaded beside ours (the bench's reference extension).
   * Their service workers must not be named as ours is (manifest `background.service_worker`).
   */
  alsoLoad?: string[];
  /** Default 380 × 600, the popup's size. */
  viewport?: { width: number; height: number };
  /**
   * A profile that outlives the browser, to start it again on it (a browser restart): its folder,
   * which the caller creates and removes, and for Firefox the add-on's moz-extension UUID, which
   * must stay the same for its storage to be found again. Default: a fresh profile, removed on close.
   */
  profile?: { dir: string; firefoxUuid: string };
  /** Firefox only: preferences for the profile, e.g. `extensions.background.idle.timeout`. */
  firefoxPrefs?: Record<string, string | number | boolean>;
}
