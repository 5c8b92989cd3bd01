describe('import has no side effects', () => {
  afterEach(() => jest.resetModules());

  it('loads neither the catalogue nor a tokenizer until first use', () => {
    const loaded: string[] = [];
    jest.isolateModules(() => {
      jest.doMock('./catalogue/catalogue.generated.json', () => {
        loaded.push('catalogue');
        return { version: 1 }; // invalid on purpose: using it must fail loudly
      });
      jest.doMock('gpt-tokenizer/encoding/o200k_base', () => {
        loaded.push('o200k_base');
        return { countTokens: () => 0 };
      });
      jest.doMock('gpt-tokenizer/encoding/cl100k_base', () => {
        loaded.push('cl100k_base');
        return { countTokens: () => 0 };
      });
      const pricing = require('./index') as typeof import('./index.js');
      expect(loaded).toEqual([]);

      expect(() => pricing.getModelInfo('gpt-4o')).toThrow(/bundled catalogue is invalid/);
      expect(loaded).toEqual(['catalogue']);
      pricing.countTokens({ model: 'gpt-4', text: 'hi' });
      expect(loaded).toEqual(['catalogue', 'cl100k_base']);
    });
  });
});
