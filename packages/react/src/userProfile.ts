/**
 * `@authing-kit/react/user-profile`: the ready profile screen (view and edit the user's details,
 * change the password, log out), an entry of its own so apps that never show it do not ship it.
 */
export type { UserProfileProps } from './components/UserProfile/UserProfile.js'
export { UserProfile } from './components/UserProfile/UserProfile.js'
