// Added by the build to calculator pages only, as an `async` module in the head
// (build_tools/early_start.py): on a fast line Python starts while the page is still being
// parsed, instead of after the theme and the page script's modules. The page script shares this
// module instance of calc-client.mjs, so it finds Python already starting.
import { fastConnection, startEarly } from "./calc-client.mjs";

if (fastConnection()) startEarly();
