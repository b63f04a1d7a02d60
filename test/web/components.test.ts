import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { componentNames, renderComponent } from '../../src/web/render.js';
import { componentSpecs, componentsDir } from '../support/components.js';

describe('components', () => {
  it('has a folder with template, macro and examples for each component, and no other', () => {
    const folders = fs.readdirSync(componentsDir).filter((f) => !f.includes('.'));
    assert.deepEqual(folders.sort(), [...componentNames].sort());
    for (const name of componentNames)
      for (const file of ['template.njk', 'macro.njk', `${name}.yaml`])
        assert.ok(fs.existsSync(path.join(componentsDir, name, file)), `${name}/${file}`);
  });

  for (const spec of componentSpecs()) {
    describe(spec.name, () => {
      it('documents its parameters and has examples', () => {
        assert.ok(spec.params.length > 0, 'params');
        assert.ok(spec.examples.length > 0, 'examples');
        for (const p of spec.params) assert.ok(p.description, `${p.name} has a description`);
      });

      for (const example of spec.examples) {
        it(`renders the "${example.name}" example as documented`, () => {
          const html = renderComponent(spec.name, example.options);
          assert.ok(example.contains?.length, 'each example says what it must show');
          for (const text of example.contains ?? []) assert.ok(html.includes(text), `has ${text}`);
          for (const text of example.excludes ?? [])
            assert.ok(!html.includes(text), `has no ${text}`);
        });
      }

      it('fills in every required parameter its examples give, leaving no "undefined"', () => {
        for (const example of spec.examples) {
          const html = renderComponent(spec.name, example.options);
          assert.doesNotMatch(html, /undefined|\[object Object\]/);
        }
      });
    });
  }
});
