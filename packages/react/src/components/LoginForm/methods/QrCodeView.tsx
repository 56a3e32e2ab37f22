import type { QrCodeScene } from '@authing-kit/client'
import type { ReactNode } from 'react'

import { useQrLogin } from '../../../hooks/useQrLogin.js'
import { useLoginFormContext } from '../formContext.js'
import type { QrLoginMethod } from '../loginFormProps.js'
import { qrMessages } from './qrMessages.js'

const qrCss = `
.ak-login .ak-login__qrlogin{align-items:center;text-align:center}
.ak-login .ak-login__qrbox{position:relative;width:180px;height:180px}
.ak-login .ak-login__qrbox img{width:100%;height:100%}
.ak-login .ak-login__qrlogin[data-status="expired"] img,.ak-login .ak-login__qrlogin[data-status="cancelled"] img,.ak-login .ak-login__qrlogin[data-status="error"] img{opacity:.15}
`

const scenes: Record<QrLoginMethod, [QrCodeScene, string]> = {
  appQrcode: ['APP_AUTH', 'app-qrcode'],
  wechatMiniProgramQrcode: ['WXAPP_AUTH', 'wechat-miniprogram-qrcode'],
  wechatmpQrcode: ['WECHATMP_AUTH', 'wechatmp-qrcode'],
}

/**
 * A QR tab: a code to scan with Authing's app (or WeChat), what the phone did, and a new code when
 * one expired or was cancelled. A scan that meets a step continues in the step views.
 */
export function QrCodeView({ method }: { method: QrLoginMethod }): ReactNode {
  const { lang, login, rememberMe, loggedIn, fail, unstyled, config } = useLoginFormContext()
  const m = qrMessages[lang]
  const [scene, tab] = scenes[method]
  // The console's code of the tab (its WeChat connection), as Guard sends it; the app's own has none.
  const setting = scene === 'APP_AUTH' ? undefined : config?.qrcodeTabsSettings[tab]?.[0]
  const extIdpConnId = (setting as { id?: unknown } | undefined)?.id
  const qr = useQrLogin({
    scene,
    rememberMe,
    ...(typeof extIdpConnId === 'string' ? { extIdpConnId } : {}),
    onSuccess: loggedIn,
    onLoginStep: login.takeStep,
    onError: fail,
  })
  const { status } = qr
  const text =
    status === 'scanned'
      ? m.scanned.replace('{name}', qr.scannedUser?.nickname ?? '')
      : status === 'loading' || status === 'success' || status === 'expired' || status === 'cancelled'
        ? m[status]
        : m[scene]
  const retry = status === 'expired' || status === 'cancelled' || status === 'error'
  return (
    <div className="ak-login__form ak-login__qrlogin" data-status={status}>
      {unstyled ? null : <style>{qrCss}</style>}
      <div className="ak-login__qrbox">
        {qr.imageUrl ? <img className="ak-login__qr" src={qr.imageUrl} alt={m.alt} /> : null}
      </div>
      <p className="ak-login__hint" role="status">
        {text}
      </p>
      {retry ? (
        <button type="button" className="ak-login__submit" onClick={qr.refresh}>
          {m.refresh}
        </button>
      ) : null}
    </div>
  )
}
