import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ariaKeyShortcuts,
  comboTokens,
  editorAction,
  type ActionName,
  type KeyToken,
} from './editorAction.js';

/** A key as people read it: named keys translated (`sketch.keys.*`), characters as they are. */
export function useKeyName(): (token: KeyToken) => string {
  const { t } = useTranslation();
  return useCallback(
    (token: KeyToken) => ('named' in token ? t(`sketch.keys.${token.named}`) : token.char),
    [t],
  );
}

/**
 * The keys of a registered action for its button: the first combination as a tooltip shows it
 * ("Strg+D") and every combination for `aria-keyshortcuts`.
 */
export function useActionKeys(): (name: ActionName) => { shortcut: string; keyshortcuts: string } {
  const keyName = useKeyName();
  return useCallback(
    (name: ActionName) => {
      const action = editorAction(name);
      const first = action.keys[0];
      return {
        shortcut: first ? comboTokens(first).map(keyName).join('+') : '',
        keyshortcuts: ariaKeyShortcuts(action),
      };
    },
    [keyName],
  );
}
