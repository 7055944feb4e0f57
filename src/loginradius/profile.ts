/**
 * The LoginRadius user Profile, as returned by the passwordless verify calls and
 * by `GET /identity/v2/auth/account`.
 *
 * Every key of the sample Profile in LoginRadius's Passwordless Login API
 * reference is typed here. LoginRadius sends `null` for fields a user never set,
 * and a `fields` projection returns only the keys asked for, so everything but
 * `Uid` is optional and nullable. `Uid` is always present: {@link LoginRadiusClient}
 * adds it to any `fields` projection because the strategy keys users on it.
 * (Longer than other files because the Profile has that many keys: it is one type.)
 */
export interface Profile {
  /** LoginRadius's unique, stable user id. */
  Uid: string;
  ID?: string | null;
  Identities?: unknown[] | null;
  UserName?: string | null;
  PasswordExpirationDate?: string | null;
  PreviousUids?: string | string[] | null;
  CustomFields?: Record<string, string | null> | null;
  LastPasswordChangeToken?: string | null;
  /** The phone id; the sample spells it `phoneId`, live responses `PhoneId`. */
  phoneId?: string | null;
  PhoneId?: string | null;
  PhoneIdVerified?: boolean | null;
  ExternalUserLoginId?: string | null;
  RegistrationProvider?: string | null;
  UnverifiedEmail?: string | string[] | null;
  Provider?: string | null;
  Prefix?: string | null;
  FirstName?: string | null;
  MiddleName?: string | null;
  LastName?: string | null;
  Suffix?: string | null;
  FullName?: string | null;
  NickName?: string | null;
  ProfileName?: string | null;
  BirthDate?: string | null;
  Gender?: string | null;
  Website?: string | null;
  Email?: ProfileEmail[] | null;
  EmailVerified?: boolean | null;
  Country?: { Code?: string | null; Name?: string | null } | null;
  ThumbnailImageUrl?: string | null;
  ImageUrl?: string | null;
  Favicon?: string | null;
  ProfileUrl?: string | null;
  HomeTown?: string | null;
  State?: string | null;
  City?: string | null;
  Industry?: string | null;
  About?: string | null;
  TimeZone?: string | null;
  LocalLanguage?: string | null;
  CoverPhoto?: string | null;
  TagLine?: string | null;
  Language?: string | null;
  Verified?: string | boolean | null;
  UpdatedTime?: string | null;
  Positions?: ProfilePosition[] | null;
  Educations?: ProfileEducation[] | null;
  PhoneNumbers?: { PhoneType?: string | null; PhoneNumber?: string | null }[] | null;
  IMAccounts?: { AccountType?: string | null; AccountName?: string | null }[] | null;
  Addresses?: ProfileAddress[] | null;
  MainAddress?: string | null;
  Created?: string | null;
  CreatedDate?: string | null;
  ModifiedDate?: string | null;
  LastLoginDate?: string | null;
  LocalCity?: string | null;
  ProfileCity?: string | null;
  LocalCountry?: string | null;
  ProfileCountry?: string | null;
  IsProtected?: string | boolean | null;
  IsActive?: boolean | null;
  IsDeleted?: boolean | null;
  RelationshipStatus?: string | null;
  Quota?: string | null;
  Quote?: string | null;
  InterestedIn?: string[] | null;
  Interests?: { InterestedType?: string | null; InterestedName?: string | null }[] | null;
  Religion?: string | null;
  Political?: string | null;
  Sports?: IdName[] | null;
  InspirationalPeople?: IdName[] | null;
  HttpsImageUrl?: string | null;
  FollowersCount?: number | null;
  FriendsCount?: number | null;
  IsGeoEnabled?: string | boolean | null;
  TotalStatusesCount?: number | null;
  Associations?: string | null;
  NumRecommenders?: number | null;
  Honors?: string | null;
  Awards?: (IdName & { Issuer?: string | null })[] | null;
  Skills?: IdName[] | null;
  CurrentStatus?:
    | {
        Id?: string | null;
        Text?: string | null;
        Source?: string | null;
        CreateDate?: string | null;
      }[]
    | null;
  Certifications?:
    | (IdName & {
        Authority?: string | null;
        Number?: string | null;
        StartDate?: string | null;
        EndDate?: string | null;
      })[]
    | null;
  Courses?: (IdName & { Number?: string | null })[] | null;
  Volunteer?:
    | {
        Id?: string | null;
        Role?: string | null;
        Organization?: string | null;
        Cause?: string | null;
      }[]
    | null;
  RecommendationsReceived?:
    | {
        Id?: string | null;
        RecommendationType?: string | null;
        RecommendationText?: string | null;
        Recommender?: string | null;
      }[]
    | null;
  Languages?: (IdName & { Proficiency?: string | null })[] | null;
  Projects?:
    | {
        Id?: string | null;
        Name?: string | null;
        Summary?: string | null;
        With?: IdName[] | null;
        StartDate?: string | null;
        EndDate?: string | null;
        isCurrent?: string | boolean | null;
      }[]
    | null;
  Games?: CategorizedItem[] | null;
  Family?: (IdName & { Relationship?: string | null })[] | null;
  TeleVisionShow?: CategorizedItem[] | null;
  MutualFriends?:
    | {
        Id?: string | null;
        Name?: string | null;
        FirstName?: string | null;
        LastName?: string | null;
        Birthday?: string | null;
        Hometown?: string | null;
        Link?: string | null;
        Gender?: string | null;
      }[]
    | null;
  Movies?: CategorizedItem[] | null;
  Books?: CategorizedItem[] | null;
  AgeRange?: { Min?: string | null; Max?: string | null } | null;
  PublicRepository?: string | null;
  Hireable?: boolean | null;
  RepositoryUrl?: string | null;
  Age?: string | null;
  Patents?: { Id?: string | null; Title?: string | null; Date?: string | null }[] | null;
  FavoriteThings?: (IdName & { Type?: string | null })[] | null;
  ProfessionalHeadline?: string | null;
  ProviderAccessCredential?: { AccessToken?: string | null; TokenSecret?: string | null } | null;
  RelatedProfileViews?:
    | {
        Id?: string | null;
        FirstName?: string | null;
        LastName?: string | null;
      }[]
    | null;
  KloutScore?: { KloutId?: string | null; Score?: string | null } | null;
  LRUserID?: string | null;
  PlacesLived?: { Name?: string | null; IsPrimary?: string | boolean | null }[] | null;
  Publications?:
    | {
        Id?: string | null;
        Title?: string | null;
        Publisher?: string | null;
        Authors?: IdName[] | null;
        Date?: string | null;
        Url?: string | null;
        Summary?: string | null;
      }[]
    | null;
  JobBookmarks?: ProfileJobBookmark[] | null;
  Suggestions?: {
    CompaniestoFollow?: IdName[] | null;
    IndustriestoFollow?: IdName[] | null;
    NewssourcetoFollow?: IdName[] | null;
    PeopletoFollow?: IdName[] | null;
  } | null;
  Badges?:
    | {
        BadgeId?: string | null;
        Name?: string | null;
        BadgeMessage?: string | null;
        Description?: string | null;
        ImageUrl?: string | null;
      }[]
    | null;
  MemberUrlResources?: { Url?: string | null; UrlName?: string | null }[] | null;
  TotalPrivateRepository?: number | null;
  Currency?: string | null;
  StarredUrl?: string | null;
  GistsUrl?: string | null;
  PublicGists?: number | null;
  PrivateGists?: number | null;
  Subscription?: {
    Name?: string | null;
    Space?: string | null;
    PrivateRepos?: string | null;
    Collaborators?: string | null;
  } | null;
  /** A string in the sample; kept wide because positions carry an object of the same name. */
  Company?:
    string | { Name?: string | null; Type?: string | null; Industry?: string | null } | null;
  GravatarImageUrl?: string | null;
  ProfileImageUrls?: Record<string, string | null> | null;
  WebProfiles?: {
    Small?: string | null;
    Square?: string | null;
    Large?: string | null;
    Profile?: string | null;
  } | null;
  IsEmailSubscribed?: boolean | null;
  /** Site-specific fields LoginRadius may add. */
  [key: string]: unknown;
}

/** An email address of the Profile: `Type` is `Primary`, `Secondary`… */
export interface ProfileEmail {
  Type: string;
  Value: string;
}

/** An item with an id and a name, as many Profile lists hold. */
export interface IdName {
  Id?: string | null;
  Name?: string | null;
}

/** A Profile list item with a category and a creation date (games, books, movies…). */
export interface CategorizedItem extends IdName {
  Category?: string | null;
  CreateDate?: string | null;
}

/** A company in a Profile position. */
export interface ProfileCompany {
  Name?: string | null;
  Type?: string | null;
  Industry?: string | null;
}

/** A job position of the Profile. */
export interface ProfilePosition {
  Position?: string | null;
  Summary?: string | null;
  StartDate?: string | null;
  EndDate?: string | null;
  IsCurrent?: string | boolean | null;
  Location?: string | null;
  /** LoginRadius's own misspelling, kept because the API sends it. */
  Comapny?: ProfileCompany | null;
  Company?: ProfileCompany | null;
}

/** An education entry of the Profile. */
export interface ProfileEducation {
  School?: string | null;
  year?: string | null;
  type?: string | null;
  notes?: string | null;
  activities?: string | null;
  degree?: string | null;
  fieldofstudy?: string | null;
  StartDate?: string | null;
  EndDate?: string | null;
}

/** A postal address of the Profile. */
export interface ProfileAddress {
  Type?: string | null;
  Address1?: string | null;
  Address2?: string | null;
  City?: string | null;
  State?: string | null;
  PostalCode?: string | null;
  Region?: string | null;
  Country?: string | null;
}

/** A job bookmark of the Profile. */
export interface ProfileJobBookmark {
  IsApplied?: string | boolean | null;
  ApplyTimestamp?: string | null;
  IsSaved?: string | boolean | null;
  SavedTimestamp?: string | null;
  Job?: {
    Active?: string | boolean | null;
    Id?: string | null;
    DescriptionSnippet?: string | null;
    /** LoginRadius's own misspelling, kept because the API sends it. */
    Compony?: IdName | null;
    Position?: { Title?: string | null } | null;
    PostingTimestamp?: string | null;
  } | null;
}
