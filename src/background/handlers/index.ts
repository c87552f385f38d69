// The router's table: one handler per message type, one file each. The popup/options room adds its
// `ui:` handlers (files handlers/ui-*.ts) below the marked line, one line each.
import type { Handlers } from '../../messages';
import type { BackgroundContext } from '../context';
import { csActivate } from './cs-activate';
import { csAdapterState } from './cs-adapter-state';
import { csBoot } from './cs-boot';
import { csCheckBill } from './cs-check-bill';
import { csGetConfig } from './cs-get-config';
import { csIgnoreOnce } from './cs-ignore-once';
import { csOpenRuleSettings } from './cs-open-rule-settings';
import { csRegionGone } from './cs-region-gone';
import { uiTariffs } from './ui-tariffs';
import { uiTakstIndex } from './ui-takst-index';
import { uiTakst } from './ui-takst';
import { uiPageState } from './ui-page-state';
import { uiSettingsGet } from './ui-settings-get';
import { uiSettingsSave } from './ui-settings-save';
import { uiSettingsImport } from './ui-settings-import';
import { uiSettingsExport } from './ui-settings-export';
import { uiSiteAdd } from './ui-site-add';
import { uiSiteRemove } from './ui-site-remove';
import { uiProbe } from './ui-probe';
import { uiTariffImport } from './ui-tariff-import';
import { uiTariffRemove } from './ui-tariff-remove';
import { csOpenDocs } from './cs-open-docs';
import { csOpenSettings } from './cs-open-settings';
import { uiTariffFetch } from './ui-tariff-fetch';
import { uiTariffPreview } from './ui-tariff-preview';
import { uiIgnoredList } from './ui-ignored-list';
import { uiIgnoredRestore } from './ui-ignored-restore';
import { uiSiteStatus } from './ui-site-status';
import { uiSiteProfile } from './ui-site-profile';
import { uiSitePending } from './ui-site-pending';
import { csTeachSave } from './cs-teach-save';
import { uiTeachStart } from './ui-teach-start';

export function createHandlers(ctx: BackgroundContext): Handlers {
  return {
    'cs:boot': csBoot(ctx),
    'cs:activate': csActivate(ctx),
    'cs:check-bill': csCheckBill(ctx),
    'cs:adapter-state': csAdapterState(ctx),
    'cs:get-config': csGetConfig(ctx),
    'cs:ignore-once': csIgnoreOnce(ctx),
    'cs:open-rule-settings': csOpenRuleSettings(ctx),
    'cs:open-docs': csOpenDocs(ctx),
    'cs:open-settings': csOpenSettings(ctx),
    'cs:teach-save': csTeachSave(ctx),
    'cs:region-gone': csRegionGone(ctx),
    // -- ui: handlers (popup/options room) go here: 'ui:name': uiName(ctx), --
    'ui:tariffs': uiTariffs(ctx),
    'ui:takst-index': uiTakstIndex(ctx),
    'ui:takst': uiTakst(ctx),
    'ui:page-state': uiPageState(ctx),
    'ui:ignored-list': uiIgnoredList(ctx),
    'ui:ignored-restore': uiIgnoredRestore(ctx),
    'ui:settings-get': uiSettingsGet(ctx),
    'ui:settings-save': uiSettingsSave(ctx),
    'ui:settings-import': uiSettingsImport(ctx),
    'ui:settings-export': uiSettingsExport(ctx),
    'ui:site-add': uiSiteAdd(ctx),
    'ui:site-remove': uiSiteRemove(ctx),
    'ui:probe': uiProbe(ctx),
    'ui:tariff-import': uiTariffImport(ctx),
    'ui:tariff-remove': uiTariffRemove(ctx),
    // issue 12: first run, profile per site
    'ui:site-status': uiSiteStatus(ctx),
    'ui:site-profile': uiSiteProfile(ctx),
    'ui:site-pending': uiSitePending(ctx),
    // issue 12 §6: teach a screen by pointing
    'ui:teach-start': uiTeachStart(ctx),
    'ui:tariff-fetch': uiTariffFetch(ctx),
    'ui:tariff-preview': uiTariffPreview(ctx),
  };
}
