// The emulator's demo seed has fixed ids, so the example works with no .env file at all.
export const appId: string = import.meta.env.VITE_AUTHING_APP_ID || '62a0f0a9c6b1c2a3d4e5f602'
export const appHost: string = import.meta.env.VITE_AUTHING_APP_HOST || 'http://localhost:5556'
