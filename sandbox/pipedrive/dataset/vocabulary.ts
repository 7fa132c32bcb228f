/** Words the generator draws from: many scripts and diacritics, because real CRMs have them. */

export const FIRST_NAMES = [
  'Anna', 'Mart', 'Liis', 'John', 'Maria', 'José', 'Jürgen', 'Zoë', 'François', 'Søren', 'Łukasz', 'Ágnes', 'Chloé', 'Ólafur',
  'Ольга', 'Дмитрий', 'Σωκράτης', 'Ελένη', 'أحمد', 'فاطمة', 'יעל', '王', '李', '佐藤', 'さくら', '민준', 'Priya', 'Arjun', 'Oluwaseun',
  'Nguyễn', 'Mehmet', 'Ayşe', 'Kalle', 'Mikko', 'Grace', "O'Brien", 'Jean-Luc', 'Ana María', 'Björk', 'Thandiwe',
] as const;

export const LAST_NAMES = [
  'Tamm', 'Saar', 'Smith', 'García', 'Müller', 'Dubois', 'Kowalski', 'Nagy', 'Jensen', 'Rossi', 'Иванова', 'Петров', 'Παπαδόπουλος',
  'Haddad', 'Cohen', '伟', '娜', '太郎', '김', 'Sharma', 'Okafor', 'Trần', 'Yılmaz', 'Virtanen', 'Ó Súilleabháin', 'van der Berg',
  'de la Cruz', 'Nøkkelby', 'Smith-Jones', 'Þórsdóttir', 'Mbeki',
] as const;

export const COMPANY_WORDS = [
  'Nordic', 'Acme', 'Baltic', 'Blue', 'Green', 'Global', 'Quantum', 'Solar', 'Tallinn', 'Zürich', 'Kraków', 'São Paulo', 'München',
  'Ōsaka', 'Δέλτα', 'Север', 'Café', 'Hygge', 'Fjord', 'Summit', 'Pixel', 'Cloud', 'Harbor', 'Atlas', '北京', 'Orion', 'Lumen',
] as const;

export const COMPANY_SUFFIXES = ['OÜ', 'AS', 'Ltd', 'GmbH', 'Inc.', 'S.A.', 'Sp. z o.o.', 'AB', 'Oy', 'KK', '& Co', 'LLC', 'BV'] as const;

export const CITIES = [
  ['Tallinn', 'Estonia', 'Harju maakond', '10111'],
  ['Berlin', 'Germany', 'Berlin', '10115'],
  ['New York', 'United States', 'New York', '10001'],
  ['São Paulo', 'Brazil', 'São Paulo', '01000-000'],
  ['Tokyo', 'Japan', '東京都', '100-0001'],
  ['London', 'United Kingdom', 'England', 'EC1A 1BB'],
  ['Kraków', 'Poland', 'Małopolskie', '30-001'],
  ['Zürich', 'Switzerland', 'Zürich', '8001'],
] as const;

export const STREETS = ['Narva mnt', 'Main Street', 'Hauptstraße', 'Rua Augusta', '銀座通り', 'Baker Street', 'ul. Floriańska', 'Bahnhofstrasse'] as const;

export const JOB_TITLES = ['CEO', 'CTO', 'Head of Sales', 'Account Executive', 'Procurement Manager', 'Office Manager', 'Developer', 'Geschäftsführer', 'Directrice commerciale', '営業部長'] as const;

export const EMAIL_DOMAINS = ['example.com', 'example.org', 'mail.example', 'firma.example', 'empresa.example'] as const;

export const PRODUCT_NAMES = ['Licence', 'Support plan', 'Onboarding', 'Training day', 'Hardware kit', 'API add-on', 'Consulting hour', 'Premium seat', 'Data migration', 'Sensor'] as const;

export const DEAL_WORDS = ['Renewal', 'Expansion', 'New business', 'Pilot', 'Upsell', 'Q3 order', 'Framework agreement', 'Rollout', 'Proof of concept'] as const;

export const LOST_REASONS = ['Price too high', 'Chose a competitor', 'No budget', 'No decision', 'Timing', 'Went silent'] as const;

export const NOTE_SNIPPETS = [
  '<p>Called about the <b>renewal</b>; they want a discount &amp; longer terms.</p>',
  '<p>Agenda:</p><ul><li>Pricing</li><li>Security review</li><li>Next steps</li></ul>',
  '<p>Sent the proposal: <a href="https://example.com/proposal.pdf">proposal.pdf</a></p>',
  '<p>Decision maker is <i>on holiday</i> until next month.</p>',
  '<p>Kohtumine läks hästi — järgmine samm on demo.</p>',
  '<p>顧客は来週の会議を希望しています。</p>',
  '<blockquote>“We need SSO before signing.”</blockquote><p>Forwarded to product.</p>',
  '<p>Notes from lunch 🍽️: budget approved, legal review pending.</p>',
] as const;

export const ACTIVITY_SUBJECTS: Record<string, readonly string[]> = {
  call: ['Discovery call', 'Follow-up call', 'Check-in'],
  meeting: ['Demo', 'Kick-off meeting', 'Quarterly business review'],
  task: ['Send proposal', 'Prepare contract', 'Update CRM'],
  deadline: ['Contract deadline', 'Offer valid until', 'RFP due'],
  email: ['Send recap email', 'Introduce team', 'Share case study'],
  lunch: ['Lunch with the buyer', 'Team lunch', 'Business lunch'],
  demo: ['Product demo', 'Technical deep dive'],
  fax: ['Fax the signed order'],
};

export const FILE_TYPES = [
  ['pdf', 'application/pdf'],
  ['png', 'image/png'],
  ['docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  ['csv', 'text/csv'],
  ['txt', 'text/plain'],
] as const;
