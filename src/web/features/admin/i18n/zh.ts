/** Texts of 三员分立 account administration in Chinese (keys `admin.*`); en.ts must match. */
export const zh = {
  'admin.sec.noRole': '待授权',
  'admin.sec.pending': '待授权账户',
  'admin.sec.bindingHint':
    '角色由安全管理员授予。授权时按角色核对所属：县(市、区)科技局账户须有所属县(市、区)，企业/院所账户须有所属单位，园区账户须有所属园区。',
  'admin.sec.initialPasswordTitle': '“{name}”的初始密码（只显示这一次）',
  'admin.sec.initialPasswordBody':
    '请当面或通过安全渠道交给本人。首次登录须修改密码；账户在安全管理员授予角色后方可登录。',
  'admin.sec.resetConfirm': '确定为“{name}”生成新的初始密码吗？其现有会话将被结束。',
  'admin.sec.createdBy': '创建人',
  'admin.sec.mfa': '身份验证器',
  'admin.sec.mfaEnrolled': '已绑定',
  'admin.sec.mfaNone': '未绑定',
  'admin.sec.grantNotice':
    '三员分立：系统管理员创建账户并绑定所属，安全管理员在此授予或变更业务角色；三员账户只能通过命令行创建。每次授权均记入审计日志，注明授权人与账户创建人。',
  'admin.sec.grant': '授予角色',
  'admin.sec.granted': '已将“{name}”的角色设为“{role}”',
  'admin.sec.resetMfa': '重置身份验证器',
  'admin.sec.resetMfaConfirm': '确定重置“{name}”的身份验证器吗？其会话将被结束，下次登录须重新绑定。',
  'admin.sec.resetMfaDone': '已重置“{name}”的身份验证器',
  'admin.sec.mfaSection': '双因素认证',
  'admin.sec.mfaRoles': '还须双因素认证的角色',
  'admin.sec.mfaRolesHint': '系统管理员、安全管理员、审计管理员始终须双因素认证（TOTP）。',
  'menu.grants': '账户授权',
  'menu.grants.desc': '为系统管理员创建的账户授予或变更角色，重置丢失的身份验证器。',
  'admin.list.emptyFiltered': '没有符合条件的记录，请减少筛选条件再试',
  'admin.users.emptyNone': '还没有用户',
  'admin.grants.emptyNone': '还没有待授权或已授权的账户',
  'admin.departments.emptyNone': '还没有部门',
  'admin.sessions.emptyNone': '当前没有在线会话',
  'admin.audit.emptyNone': '还没有审计记录',
  'admin.audit.actionPlaceholder': '选择或输入操作名称',
};
