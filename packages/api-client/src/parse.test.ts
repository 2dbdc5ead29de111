import {describe, expect, it} from 'vitest';
import {parseApiConnection, parseApiConnectionResponse, parseJson, readEnvelope, readMessages} from './parse.js';
import {SECRET, leakReport, thrownBy} from './test-support.js';

describe('readEnvelope', () => {
  it('unwraps Success, Data, Errors and the counters', () => {
    expect(
      readEnvelope({
        Success: true,
        Data: [1],
        Errors: [{Message: "This user doesn't exist."}],
        StatusCode: 'OK',
        RecordCount: 3,
        HasMoreRecords: false,
        TotalTime: 0.2,
      }),
    ).toEqual({
      success: true,
      data: [1],
      messages: ["This user doesn't exist."],
      recordCount: 3,
      hasMoreRecords: false,
    });
  });

  it.each([undefined, null, 'text', [], {Data: []}, {Success: 'true', Data: []}])(
    'returns undefined for %j, which is not an envelope',
    (body) => {
      expect(readEnvelope(body)).toBeUndefined();
    },
  );

  it('reads counters of the wrong type as null', () => {
    expect(readEnvelope({Success: true, RecordCount: '3', HasMoreRecords: 'no'})).toMatchObject({
      recordCount: null,
      hasMoreRecords: null,
    });
    expect(readEnvelope({Success: true, RecordCount: -1})).toMatchObject({recordCount: null});
  });
});

describe('readMessages', () => {
  it('reads Errors[].Message, skipping empty entries', () => {
    expect(readMessages({Errors: [{Message: 'A'}, {Message: null}, {}, 'B', {Message: ''}, {Message: 'C'}]})).toEqual([
      'A',
      'C',
    ]);
  });

  it('reads the bare {Message} body of a gateway 401', () => {
    expect(readMessages({Message: 'Authorization has been denied for this request.'})).toEqual([
      'Authorization has been denied for this request.',
    ]);
  });

  it('caps the number and length of messages', () => {
    const many = Array.from({length: 50}, (_, index) => ({Message: `m${index}`}));
    expect(readMessages({Errors: many})).toHaveLength(20);
    const [long] = readMessages({Errors: [{Message: 'x'.repeat(5000)}]});
    expect(long).toHaveLength(1001);
  });
});

describe('parseJson', () => {
  it('returns undefined for empty, HTML and truncated bodies instead of throwing (C2-09)', () => {
    expect(parseJson('')).toBeUndefined();
    expect(parseJson('   ')).toBeUndefined();
    expect(parseJson('<html><body>Bad gateway</body></html>')).toBeUndefined();
    expect(parseJson('{"Success":true,"Data":[')).toBeUndefined();
  });

  it('parses JSON', () => {
    expect(parseJson('{"Success":true}')).toEqual({Success: true});
  });
});

describe('parseApiConnectionResponse', () => {
  it('reads an empty ClientSecret as null and keeps a real one', () => {
    expect(parseApiConnectionResponse({IsActive: true, ClientSecret: ''}).ClientSecret).toBeNull();
    expect(parseApiConnectionResponse({IsActive: true, ClientSecret: SECRET}).ClientSecret).toBe(SECRET);
  });

  it('fills missing nullable fields with null and missing lists with []', () => {
    expect(parseApiConnectionResponse({IsActive: false})).toEqual({
      APIType: null,
      ClientId: null,
      ClientName: null,
      Description: null,
      ExternalIdentifier: null,
      CorsOrigins: [],
      BackChannelLogoutURI: null,
      FrontChannelLogoutURI: null,
      RedirectURI: [],
      ClientSecret: null,
      IsActive: false,
      AllowedScopes: [],
    });
  });

  it('keeps list entries exactly as sent, because redirect URIs match exactly', () => {
    expect(parseApiConnectionResponse({IsActive: true, RedirectURI: [' https://a.example/cb']}).RedirectURI).toEqual([
      ' https://a.example/cb',
    ]);
  });

  it('requires IsActive, the one non-nullable field', () => {
    expect(thrownBy(() => parseApiConnectionResponse({ClientId: 'x'}))).toMatchObject({
      code: 'RESPONSE_SHAPE',
      path: 'Data.IsActive',
    });
  });

  it('names the path of a non-string list entry, never its value', () => {
    const error = thrownBy(() =>
      parseApiConnectionResponse({IsActive: true, ClientSecret: SECRET, AllowedScopes: ['openid', 7]}),
    );
    expect(error).toMatchObject({
      path: 'Data.AllowedScopes[1]',
      message: 'unexpected response: "Data.AllowedScopes[1]" must be a string',
    });
  });

  it('rejects a secret of the wrong type without quoting it', () => {
    expect(thrownBy(() => parseApiConnectionResponse({IsActive: true, ClientSecret: {value: SECRET}}))).toMatchObject({
      path: 'Data.ClientSecret',
    });
  });

  it('rejects a list that is neither an array, a string nor null', () => {
    expect(thrownBy(() => parseApiConnectionResponse({IsActive: true, CorsOrigins: {0: 'x'}}))).toMatchObject({
      message: 'unexpected response: "Data.CorsOrigins" must be an array of strings, a string or null',
    });
  });
});

describe('parseApiConnection', () => {
  const base = {IsActive: true};

  it.each([
    ['0001-01-01T00:00:00', null],
    ['0001-01-01T00:00:00Z', null],
    ['0001-01-01T00:00:00.0000000+00:00', null],
    ['2024-02-29T23:59:59', '2024-02-29T23:59:59.000Z'],
    ['2024-02-29T23:59:59.5', '2024-02-29T23:59:59.500Z'],
    ['2024-02-29T23:59:59.1234567Z', '2024-02-29T23:59:59.123Z'],
    ['2024-03-01T01:00:00+01:00', '2024-03-01T00:00:00.000Z'],
    ['2024-03-01T01:00:00z', '2024-03-01T01:00:00.000Z'],
  ])('reads the .NET date %s as %s', (CreatedDate, expected) => {
    expect(parseApiConnection({...base, CreatedDate}).CreatedDate).toBe(expected);
  });

  it.each(['2024-03-01', '2024-13-01T00:00:00', '01/03/2024 10:00', '2024-03-01T10:00:00 PST', 20240301])(
    'rejects the date %j',
    (ModifiedDate) => {
      expect(thrownBy(() => parseApiConnection({...base, ModifiedDate}))).toMatchObject({path: 'Data.ModifiedDate'});
    },
  );

  it('reads a lookup object with missing fields as nulls', () => {
    expect(parseApiConnection({...base, ModifiedBy: {}}).ModifiedBy).toEqual({Id: null, Name: null});
  });

  it('rejects a lookup that is not an object', () => {
    expect(thrownBy(() => parseApiConnection({...base, CreatedBy: 'Ada'}))).toMatchObject({path: 'Data.CreatedBy'});
  });

  it('rejects a Data that is an array', () => {
    expect(thrownBy(() => parseApiConnection([base]))).toMatchObject({path: 'Data'});
  });
});

describe('error hygiene (B4-06, STYLE §8)', () => {
  it('no thrown error mentions the token or the client secret', () => {
    const {count, leaks} = leakReport();
    expect(count).toBeGreaterThan(10);
    expect(leaks).toEqual([]);
  });
});
