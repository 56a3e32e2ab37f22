/** The User fields Authing's SDK documents select (fact sheet §7); shared by every document returning a user. */
export const USER_FIELDS = `id arn userPoolId status username email emailVerified phone phoneVerified phoneCountryCode
  unionid openid nickname registerSource photo password oauth token tokenExpiredAt loginsCount lastLogin lastIP
  signedUp blocked isDeleted device browser company name givenName familyName middleName profile preferredUsername
  website gender birthdate zoneinfo locale address formatted streetAddress locality region postalCode city province
  country createdAt updatedAt externalId`

export const CUSTOM_DATA_FIELDS = 'customData { key value dataType label }'
