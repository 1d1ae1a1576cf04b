import { useTranslation } from 'react-i18next';
import { PageHeading } from '../components/PageHeading.js';
import { DesktopInfo } from './DesktopInfo.js';
import { DisplayNameSetting } from './DisplayNameSetting.js';
import { LanguageSetting } from './LanguageSetting.js';
import { WorkspaceInfo } from './WorkspaceInfo.js';

/** Per-device preferences and facts about the workspace and the desktop app. */
export function SettingsView() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading title={t('settings.title')} />
      <LanguageSetting />
      <DisplayNameSetting />
      <WorkspaceInfo />
      <DesktopInfo />
    </>
  );
}
