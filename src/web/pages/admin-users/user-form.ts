/** The invitation form's and the change-access form's fields, read and checked in one place. */
import { userDetailsProblems, type UserDetails } from '../../../access/users.service.js';
import type { Area } from '../../../measures/areas.js';
import { csrfField, field } from '../../forms.js';
import type { FormProblem } from '../sign-in/sign-in.view.js';
import { asFormProblems, parseCodes } from './admin-users.view.js';

export type UserForm = {
  email?: string;
  name?: string;
  role?: string;
  las?: string;
  schools?: string;
};

export const userFormFields = {
  email: field(),
  name: field(),
  role: field(),
  las: field(),
  schools: field(),
  ...csrfField,
};

/** The details the form gives, and every problem with them, each at its field. */
export function readUserForm(
  form: UserForm,
  areas: Area[],
): { details: UserDetails; problems: FormProblem[] } {
  const las = parseCodes(form.las);
  const schools = parseCodes(form.schools);
  const details: UserDetails = {
    email: form.email ?? '',
    displayName: form.name,
    role: form.role ?? '',
    laCodes: las.codes,
    urns: schools.codes,
  };
  const problems = asFormProblems(userDetailsProblems(details));
  if (las.bad.length)
    problems.push({ text: `LA codes are numbers: ${las.bad.join(', ')}.`, href: '#las' });
  if (schools.bad.length)
    problems.push({ text: `URNs are numbers: ${schools.bad.join(', ')}.`, href: '#schools' });
  const unknown = las.codes.filter(
    (c) => c >= 100 && c <= 999 && !areas.some((a) => a.code === c && a.kind === 'la'),
  );
  if (unknown.length)
    problems.push({
      text: `No local authority has the code ${unknown.join(', ')} (see the list of LAs on the home page).`,
      href: '#las',
    });
  return { details, problems };
}

/** A user's role and scope as the form shows them. */
export function formOf(user: {
  email: string;
  displayName: string;
  role: string;
  laCodes: number[];
  urns: number[];
}): UserForm {
  return {
    email: user.email,
    name: user.displayName,
    role: user.role,
    las: user.laCodes.join(', '),
    schools: user.urns.join(', '),
  };
}
