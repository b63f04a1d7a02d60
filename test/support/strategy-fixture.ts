/** A small strategy on the demo data's KS2 measure, for the tests of the pages and commands. */
export const readingStrategy = `format: lantern-strategy/1
la: 933
title: Reading for all
period: { from: 2022, to: 2027 }
priorities:
  - key: reading
    title: Every child reads well
    aims:
      - key: ks2
        title: Key stage 2
        measures:
          - key: rwm
            name: KS2 reading, writing and maths
            measure: DEMO_KS2_RWM
            targets:
              - { key: top-quartile, kind: band, band: top-quartile, by: 2027 }
              - { key: england, kind: relative, comparator: england, by: 2025 }
        actions:
          - key: fluency
            title: Reading fluency programme
            owner: { person: Head of School Improvement, organisation: Somerset Council }
            start: 2023-09-01
            due: 2024-07-31
            status: on_track
`;
