/**
 * Registers every editor action, in the order the help overlay lists them; importing this module
 * once (the editor does) fills the registry of `editorAction.ts`.
 */
import './undo.js';
import './redo.js';
import './copy.js';
import './cut.js';
import './paste.js';
import './duplicate.js';
import './delete.js';
import './selectAll.js';
import './group.js';
import './ungroup.js';
import './forward.js';
import './backward.js';
import './front.js';
import './back.js';
import './zoomIn.js';
import './zoomOut.js';
import './fit.js';
import './deselect.js';
import './focus.js';
import './help.js';
