import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import Papa from 'papaparse';
import { parse } from 'yaml';
import {
  isMeasureCode,
  maxMeasureCodeLength,
  measureCodeProblem,
  prototypeKeys,
} from '../../src/measures/measure-code.js';
import Fastify from 'fastify';
import { key, routeSchema } from '../../src/web/route-schemas.js';
import { realData } from '../support/real-data.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dictionary = realData('lait/lait_data_dictionary.csv');

describe('what a measure code may be', () => {
  it(
    'accepts every Measure_short of the real LAIT data dictionary',
    { skip: dictionary.skip },
    () => {
      const text = fs.readFileSync(dictionary.path, 'utf8').replace(/^\ufeff/, '');
      const rows = Papa.parse<Record<string, string>>(text, {
        header: true,
        skipEmptyLines: true,
      }).data;
      const codes = [...new Set(rows.map((r) => r.Measure_short ?? ''))];
      assert.ok(codes.length > 400, `${codes.length} codes`);
      const refused = codes.flatMap((c) => {
        const problem = measureCodeProblem(c);
        return problem ? [`${JSON.stringify(c)}: ${problem}`] : [];
      });
      assert.deepEqual(refused, []);
      // The dictionary's awkward ones, by name, so a change to the rule sees them.
      for (const c of [
        '16-17 NEET',
        'Hosp_Adm_Alc_<18yrs',
        'NEW_KS2_RWM_Sen_W/Osta',
        '%_3&4yr_olds',
      ])
        assert.ok(codes.includes(c) && isMeasureCode(c), c);
    },
  );

  it('accepts the codes of the mappings in mappings/ees', () => {
    const dir = path.join(root, 'mappings/ees');
    const codes = fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.yaml'))
      .flatMap((f) => {
        const m = parse(fs.readFileSync(path.join(dir, f), 'utf8')) as {
          measures: { measure: string | { code: string } }[];
        };
        return m.measures.map((e) => (typeof e.measure === 'string' ? e.measure : e.measure.code));
      });
    assert.ok(codes.length >= 8);
    for (const c of codes) assert.equal(measureCodeProblem(c), undefined, c);
  });

  it('refuses every name all JavaScript objects have', () => {
    for (const c of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'prototype'])
      assert.match(measureCodeProblem(c) ?? '', /every JavaScript object/, c);
    assert.ok(prototypeKeys.includes('__proto__') && prototypeKeys.includes('constructor'));
  });

  const refusals: [string, RegExp][] = [
    ['', /blank/],
    [' ', /blank/],
    ['x'.repeat(maxMeasureCodeLength + 1), /65 characters/],
    ['../../etc/passwd', /path/],
    ['/etc/passwd', /path/],
    ['a//b', /path/],
    ['a/', /path/],
    ['<script>alert(1)</script>', /"<" only before a digit/],
    ['a<b', /"<" only before a digit/],
    ['ees_\u202eneet', /<U\+202E>/],
    ['ees_neet\u200b', /<U\+200B>/],
    ['ees\u00a0neet', /<U\+00A0>/],
    ['ees_neet\n', /<U\+000A>/],
    ['ees\u0000', /<U\+0000>/],
    ['ees;drop', /";"/],
    ['ees"x', /"\\""/],
    ['élève', /"é"/],
    [' ees', /space at the start or end/],
    ['ees ', /space at the start or end/],
    ['a  b', /two spaces/],
    ['ees%2Fneet', /web address/],
    ['..', /path/],
  ];
  for (const [code, reason] of refusals) {
    it(`refuses ${JSON.stringify(code.length > 20 ? `${code.slice(0, 20)}...` : code)}`, () => {
      const problem = measureCodeProblem(code);
      assert.ok(problem !== undefined, 'refused');
      assert.match(problem, reason);
      assert.equal(isMeasureCode(code), false);
    });
  }

  it('accepts codes of letters, digits and the punctuation real codes use', () => {
    for (const c of [
      'KS2RWM_Expected_STD',
      'ees_neet_16_17',
      '272',
      'a.b',
      'CPP_Total_Rateper10,000',
    ])
      assert.equal(measureCodeProblem(c), undefined, c);
  });

  it('accepts only codes that every page and API route can look up (the web key schema)', async () => {
    const app = Fastify();
    app.get('/measure/:code', { schema: routeSchema({ params: { code: key } }) }, (request) =>
      JSON.stringify((request.params as { code: string }).code),
    );
    await app.ready();
    // Mostly what the rule allows, so that many codes pass it; sometimes what it must not.
    const unit = fc.oneof(
      { weight: 9, arbitrary: fc.constantFrom(...'abXYZ019 _-.%&(),/<'.split('')) },
      {
        weight: 1,
        arbitrary: fc.constantFrom(
          ...'>;"\'\u200b\u202e\u00a0\u0000\n'.split(''),
          'constructor',
          '__proto__',
          '..',
        ),
      },
    );
    try {
      await fc.assert(
        fc.asyncProperty(fc.array(unit, { maxLength: 12 }), async (parts) => {
          const code = parts.join('');
          if (!isMeasureCode(code)) return;
          const answer = await app.inject(`/measure/${encodeURIComponent(code)}`);
          assert.equal(answer.statusCode, 200, `${JSON.stringify(code)}: ${answer.body}`);
          assert.equal(answer.body, JSON.stringify(code));
        }),
        { numRuns: 1000 },
      );
      for (const c of prototypeKeys) assert.equal(isMeasureCode(c), false, c);
    } finally {
      await app.close();
    }
  });
});
