/** Where demo accounts' addresses are: `.invalid` can never be a real mail domain (RFC 2606). */
export const demoAccountDomain = 'demo.lantern.invalid';
