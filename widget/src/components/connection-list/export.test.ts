import {describe, expect, it} from 'vitest';
import {
  buildExport,
  EXPORT_FIELDS,
  exportFields,
  exportFileName,
  toCsvExport,
  toExportRecord,
  toJsonExport,
} from './export.js';

/** A row as the list holds it, plus what must never be exported. */
const ROW = {
  APIType: 'UI to API',
  ClientId: '1b4e28ba-2fa1-41d2-883f-0016d3cca427',
  ClientName: '=HYPERLINK("https://evil.example","Contract portal")',
  Description: 'Portal, "customer-facing"\nsecond line',
  ExternalIdentifier: '00D5g000004CmQwEAK',
  CorsOrigins: ['https://portal.example.com', 'https://b.example.com'],
  BackChannelLogoutURI: null,
  FrontChannelLogoutURI: 'https://portal.example.com/logout',
  RedirectURI: ['https://portal.example.com/cb'],
  ClientSecret: 'must-never-be-exported-5f1d',
  IsActive: false,
  AllowedScopes: ['openid', 'api.user-management'],
  access_token: 'must-never-be-exported-token',
  CreatedBy: {Id: 'a4d2c1e0-0000-4000-8000-000000000001', Name: 'Ada Admin'},
  CreatedDate: '2025-01-20T11:00:00.000Z',
};

describe('toExportRecord', () => {
  it('B4-02 keeps the allow-listed fields only: a ClientSecret (or anything else) on the row never reaches the output', () => {
    const record = toExportRecord(ROW);
    expect(Object.keys(record)).toEqual([...EXPORT_FIELDS]);
    expect(JSON.stringify(record)).not.toContain('must-never-be-exported');
    expect(EXPORT_FIELDS as readonly string[]).not.toContain('ClientSecret');
  });

  it('exports a lookup by its name and a missing field as null', () => {
    const record = toExportRecord(ROW);
    expect(record.CreatedBy).toBe('Ada Admin');
    expect(record.CreatedDate).toBe('2025-01-20T11:00:00.000Z');
    expect(record.ModifiedBy).toBeNull();
    expect(record.BackChannelLogoutURI).toBeNull();
    expect(record.IsActive).toBe(false);
    expect(record.RedirectURI).toEqual(['https://portal.example.com/cb']);
  });
});

/** A row exactly as the list endpoint gives it (`APIConnectionResponse`): no created/modified data at all. */
const LIST_ROW = {
  APIType: 'API to API',
  ClientId: 'SampleClientId',
  ClientName: 'ClientA',
  Description: 'ClientA Description',
  ExternalIdentifier: 'ABCDEFGHI123456789',
  CorsOrigins: [],
  BackChannelLogoutURI: '',
  FrontChannelLogoutURI: '',
  RedirectURI: [],
  ClientSecret: null,
  IsActive: false,
  AllowedScopes: [],
};
const LIST_COLUMNS = [
  'ExternalIdentifier',
  'ClientName',
  'APIType',
  'ClientId',
  'IsActive',
  'Description',
  'RedirectURI',
  'CorsOrigins',
  'BackChannelLogoutURI',
  'FrontChannelLogoutURI',
  'AllowedScopes',
];

describe('exportFields', () => {
  it('issue 12: leaves out the audit columns the list endpoint never fills', () => {
    expect(exportFields([LIST_ROW, {...LIST_ROW, CreatedBy: null, CreatedDate: null}])).toEqual(LIST_COLUMNS);
  });

  it('keeps an audit column as soon as one exported row has a value for it', () => {
    expect(exportFields([LIST_ROW, ROW])).toEqual([...LIST_COLUMNS, 'CreatedBy', 'CreatedDate']);
  });
});

describe('toJsonExport', () => {
  it('issue 12: has no always-empty audit fields for rows from the list endpoint', () => {
    const [record] = JSON.parse(toJsonExport([LIST_ROW])) as Record<string, unknown>[];
    expect(Object.keys(record ?? {})).toEqual(LIST_COLUMNS);
  });

  it('B4-02 writes an array of records with the list fields and no secret', () => {
    const text = toJsonExport([ROW]);
    expect(text).not.toContain('must-never-be-exported');
    const parsed = JSON.parse(text) as Record<string, unknown>[];
    expect(parsed).toHaveLength(1);
    expect(parsed[0]).toMatchObject({
      ExternalIdentifier: '00D5g000004CmQwEAK',
      ClientName: ROW.ClientName,
      APIType: 'UI to API',
      IsActive: false,
      CorsOrigins: ROW.CorsOrigins,
      AllowedScopes: ROW.AllowedScopes,
    });
  });
});

describe('toCsvExport', () => {
  it('B4-02 writes a header of the field names and one escaped, formula-neutralised row per connection, no secret', () => {
    const text = toCsvExport([ROW]);
    expect(text).not.toContain('must-never-be-exported');
    const [header, ...rest] = text.split('\r\n');
    expect(header).toBe([...LIST_COLUMNS, 'CreatedBy', 'CreatedDate'].join(','));
    expect(rest.join('\r\n')).toBe(
      [
        '00D5g000004CmQwEAK',
        `"'=HYPERLINK(""https://evil.example"",""Contract portal"")"`,
        'UI to API',
        '1b4e28ba-2fa1-41d2-883f-0016d3cca427',
        'false',
        '"Portal, ""customer-facing""\nsecond line"',
        'https://portal.example.com/cb',
        '"https://portal.example.com,https://b.example.com"',
        '',
        'https://portal.example.com/logout',
        '"openid,api.user-management"',
        'Ada Admin',
        '2025-01-20T11:00:00.000Z',
      ].join(',') + '\r\n',
    );
  });

  it('issue 12: writes only the list columns for rows from the list endpoint', () => {
    const [header] = toCsvExport([LIST_ROW]).split('\r\n');
    expect(header).toBe(LIST_COLUMNS.join(','));
  });
});

describe('buildExport', () => {
  const now = new Date(2026, 10, 28, 23, 59);

  it('names the file after the local date and gives CSV a byte order mark', () => {
    expect(exportFileName('csv', now)).toBe('api-connections-2026-11-28.csv');
    const csv = buildExport([ROW], 'csv', now);
    expect(csv).toMatchObject({name: 'api-connections-2026-11-28.csv', type: 'text/csv;charset=utf-8'});
    expect(csv.text.startsWith('\ufeffExternalIdentifier,')).toBe(true);
    const json = buildExport([ROW], 'json', now);
    expect(json).toMatchObject({name: 'api-connections-2026-11-28.json', type: 'application/json'});
    for (const file of [csv, json]) expect(file.text).not.toContain('must-never-be-exported');
  });
});
