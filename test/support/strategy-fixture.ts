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

/** Two priorities: three targets (one with no source of figures), four actions. */
export const twoPriorityStrategy = `format: lantern-strategy/1
la: 933
title: Reading and attendance
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
          - key: ks3
            name: Attainment at 14
            noDataSource: No published file holds KS3 teacher assessments by LA
            targets:
              - { key: ks3-80, kind: value, value: 80, by: 2027 }
        actions:
          - key: fluency
            title: Reading fluency programme
            owner: { person: Head of School Improvement, organisation: Somerset Council }
            due: 2024-07-31
            status: on_track
          - key: library
            title: School library refresh
            owner: { person: Librarian, organisation: Somerset Libraries }
            due: 2030-03-31
            status: at_risk
          - key: clubs
            title: After-school reading clubs
            owner: { person: Librarian, organisation: Somerset Libraries }
            status: not_started
  - key: attendance
    title: Every child attends school
    aims:
      - key: registers
        title: Registers
        actions:
          - key: register
            title: Attendance registers checked
            owner: { person: Attendance Lead, organisation: Somerset Council }
            due: 2028-01-31
            status: not_started
`;
