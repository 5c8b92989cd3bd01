import { ConfigError, parseProxyConfig } from './load-proxy-config.js';

const configWith = (line: string) => `model_list: []\ngeneral_settings:\n  master_key: sk-test\n${line}\n`;

describe('general_settings.budget_enforcement', () => {
  it('accepts exact and loose, and leaves it unset by default (exact)', () => {
    expect(parseProxyConfig(configWith('  budget_enforcement: loose'), {}).config.general_settings.budget_enforcement).toBe('loose');
    expect(parseProxyConfig(configWith('  budget_enforcement: exact'), {}).config.general_settings.budget_enforcement).toBe('exact');
    expect(parseProxyConfig(configWith(''), {}).config.general_settings.budget_enforcement).toBeUndefined();
  });

  it('refuses any other value, naming the field', () => {
    expect(() => parseProxyConfig(configWith('  budget_enforcement: strict'), {})).toThrow(ConfigError);
    expect(() => parseProxyConfig(configWith('  budget_enforcement: strict'), {})).toThrow(/general_settings\.budget_enforcement/);
  });
});
